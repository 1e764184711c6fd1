import { csv } from './csv.js';
import { markdownTable } from './markdown.js';
import { ids, json, yaml } from './structured.js';
import { table } from './table.js';
import type { RowsFormatter } from './types.js';

export const ROWS_FORMATS = ['table', 'json', 'csv', 'markdown', 'yaml', 'ids'] as const;
export type RowsFormat = (typeof ROWS_FORMATS)[number];

export const ROWS_FORMATTERS: Record<RowsFormat, RowsFormatter> = { table, json, csv, markdown: markdownTable, yaml, ids };

export type { RowsData, RowsContext } from './types.js';
