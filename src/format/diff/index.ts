// The formats of `backlog diff`, by the name `-f` takes.
import { diffJson } from './json.js';
import { diffMarkdown } from './markdown.js';
import { diffText } from './text.js';
import type { DiffFormat } from './formats.js';
import type { DiffFormatter } from './types.js';

export const DIFF_FORMATTERS: Record<DiffFormat, DiffFormatter> = { text: diffText, markdown: diffMarkdown, json: diffJson };
