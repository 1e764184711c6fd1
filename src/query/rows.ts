/** Rows of named cells: what list, waves and other tabular commands give (the rows formats print them). */
export interface RowsData {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** The column `ids` prints. */
  idColumn: string;
  /** Whole records, for the machine formats (json, yaml) when no columns were chosen. */
  records?: Array<Record<string, unknown>>;
}
