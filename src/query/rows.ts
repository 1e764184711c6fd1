/** Rows of named cells: what list, waves and other tabular commands give (the rows formats print them). */
export interface RowsData {
  /** The collection the rows are of, for the JSON output. */
  collection?: string;
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** The column `ids` prints. */
  idColumn: string;
  /** Whole records, for the machine formats (json, yaml) when no columns were chosen. */
  records?: Array<Record<string, unknown>>;
  /** The id of each row, for `ids`, when it is not the id column's text (a dependency without an id). */
  ids?: string[];
  /**
   * On a narrow terminal: how each column gives way (default: never cut), which to leave out
   * first, and the one that always stays (default: the id column).
   */
  layout?: { fits?: Partial<Record<string, ColumnFit>>; leaveOut?: string[]; keep?: string };
}

/**
 * How a column gives way on a narrow terminal: free text is cut with `…`, a list between its
 * items (`a, b, +3 more`); a fixed column (ids, dates, numbers, enumerations) is never cut.
 */
export type ColumnFit = 'fixed' | 'text' | 'list';
