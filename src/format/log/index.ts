// The formats of `backlog log`, by the name `-f` takes.
import type { ChalkInstance } from 'chalk';
import type { HistoryEntry } from '../../git/entity-history.js';
import type { LogFormat } from './formats.js';
import { logJson } from './json.js';
import { logText } from './text.js';

export const LOG_FORMATTERS: Record<LogFormat, (label: string, history: HistoryEntry[], style: ChalkInstance) => string> = { text: logText, json: logJson };
