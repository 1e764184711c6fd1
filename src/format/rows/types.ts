import type { ChalkInstance } from 'chalk';
import type { RowsData } from '../../query/rows.js';

interface RowsContext {
  style: ChalkInstance;
  /** The width a table fits: the terminal's; undefined on a pipe or with --wide (nothing cut). */
  columns: number | undefined;
}

export type RowsFormatter = (data: RowsData, context: RowsContext) => string;

/** A cell as text: lists joined, objects as JSON, nothing as empty. */
export function cellText(value: unknown, listSeparator = ', '): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => cellText(item, listSeparator)).join(listSeparator);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
