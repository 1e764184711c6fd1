import type { RowsData } from '../../query/rows.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';
import { cellText } from '../shared/cell-text.js';
import type { RowsFormatter } from './types.js';

/** The whole records when given; else rows as objects with the columns as keys, in column order, missing values as null. */
export function rowObjects(data: RowsData): Array<Record<string, unknown>> {
  if (data.records) return data.records;
  return data.rows.map((row) => Object.fromEntries(data.columns.map((column) => [column, row[column] ?? null])));
}

export const json: RowsFormatter = (data) => jsonText({ version: OUTPUT_VERSION, ...(data.collection ? { collection: data.collection } : {}), items: rowObjects(data) });

/** One id a line, for pipes. */
export const ids: RowsFormatter = (data) => (data.ids ?? data.rows.map((row) => cellText(row[data.idColumn]))).map((id) => `${id}\n`).join('');
