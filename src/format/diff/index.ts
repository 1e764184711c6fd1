// The formats of `backlog diff`, by the name `-f` takes.
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffText } from './text.js';
import type { DiffFormatter } from './types.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export const DIFF_FORMATTERS: Record<DiffFormat, DiffFormatter> = { text: diffText, markdown: diffMarkdown, json: diffJson };
