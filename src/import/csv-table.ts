// A CSV export as a header and rows. Real exports carry byte-order marks (also mid-file, where
// exports were pasted together, and with them a repeated header row), blank lines and ragged
// rows; all of that is read, and a file that is no CSV at all is a clear error.
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';

interface CsvRow {
  /** 1-based line in the file, for messages. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/** `trim: false` keeps cells as written (a sheet `export` wrote); real exports pad them. */
export function readCsv(text: string, file: string, { trim = true } = {}): CsvTable {
  const clean = text.replace(/\uFEFF/g, '');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(clean, { relax_column_count: true, skip_empty_lines: true, info: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    throw new UsageError(`${file} is not a CSV file this import can read: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new UsageError(`${file} is empty: no header row`);
  const header = records[0]!.record.map((cell) => cell.trim());
  const headerKey = header.join('\u0000');
  const rows = records
    .slice(1)
    .filter(({ record }) => record.map((cell) => cell.trim()).join('\u0000') !== headerKey && record.some((cell) => cell.trim() !== ''))
    .map(({ record, info }) => ({ line: info.lines, cells: trim ? record.map((cell) => cell.trim()) : record }));
  return { header, rows };
}

/** Header names compared without case, spaces, `*` or punctuation: `*Memory (In MB)` is `memoryinmb`. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9#]+/g, '');
}

/** The column with one of these names, or undefined. */
export function findColumn(table: CsvTable, names: readonly string[]): number | undefined {
  const keys = table.header.map(headerKey);
  for (const name of names) {
    const index = keys.indexOf(headerKey(name));
    if (index !== -1) return index;
  }
  return undefined;
}

/** A column the format cannot do without: its absence is an error that names it. */
export function requireColumn(table: CsvTable, names: readonly string[], file: string): number {
  const index = findColumn(table, names);
  if (index === undefined) {
    throw new UsageError(`${file} has no \`${names[0]}\` column, which this import needs`, `its columns are: ${table.header.join(', ')}`);
  }
  return index;
}
