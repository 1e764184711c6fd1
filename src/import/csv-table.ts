// A CSV export as a sheet. Real exports carry byte-order marks (also mid-file, where exports
// were pasted together, and with them a repeated header row), blank lines and ragged rows; all
// of that is read, and a file that is no CSV at all is a clear error. A text cell that `export`
// guarded against formulas (a leading `'`) is read as it was before.
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { unguardFormula } from '../text/formula-guard.js';
import { placeOf, type Sheet } from './sheet.js';

/** `trim: false` keeps cells as written (a sheet `export` wrote); real exports pad them. */
export function readCsv(text: string, file: string, { trim = true } = {}): Sheet {
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
    .map(({ record, info }) => ({ number: info.lines, cells: record.map((cell) => unguardFormula(trim ? cell.trim() : cell)) }));
  return { file, header, rows, typed: false };
}

/** Header names compared without case, spaces, `*` or punctuation: `*Memory (In MB)` is `memoryinmb`. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9#]+/g, '');
}

/** The column with one of these names, or undefined. */
export function findColumn(sheet: Pick<Sheet, 'header'>, names: readonly string[]): number | undefined {
  const keys = sheet.header.map(headerKey);
  for (const name of names) {
    const index = keys.indexOf(headerKey(name));
    if (index !== -1) return index;
  }
  return undefined;
}

/** A column the format cannot do without: its absence is an error that names it. */
export function requireColumn(sheet: Sheet, names: readonly string[]): number {
  const index = findColumn(sheet, names);
  if (index === undefined) {
    throw new UsageError(`${placeOf(sheet)} has no \`${names[0]}\` column, which this import needs`, `its columns are: ${sheet.header.filter(Boolean).join(', ')}`);
  }
  return index;
}

