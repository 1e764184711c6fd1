// The formats of `backlog show`, by the name `-f` takes.
import type { ChalkInstance } from 'chalk';
import type { EntityDetail } from '../../query/show.js';
import type { ShowFormat } from './formats.js';
import { showJson } from './json.js';
import { showText } from './text.js';
import { showYaml } from './yaml.js';

export const SHOW_FORMATTERS: Record<ShowFormat, (detail: EntityDetail, style: ChalkInstance, columns?: number) => string> = { text: showText, json: showJson, yaml: showYaml };
