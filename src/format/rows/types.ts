import type { ChalkInstance } from 'chalk';
import type { RowsData } from '../../query/rows.js';

export interface RowsContext {
  style: ChalkInstance;
  /** The width a table fits: the terminal's; undefined on a pipe or with --wide (nothing cut). */
  columns: number | undefined;
}

export type RowsFormatter = (data: RowsData, context: RowsContext) => string;
