// Column maps: `--map 'Column Name=field'` (repeatable), `--map-file FILE.yaml` (a mapping of
// column names to fields) and `project.imports.<source>.columns` in backlog.yaml. A column is
// mapped to a field of the backlog (`cores`, `target.region`, `x-cmdb`), to a column name the
// source knows (a renamed column), or to nothing (`Column=`: left out).
import { UsageError } from '../errors.js';
import { headerKey } from './csv-table.js';
import type { Sheet } from './sheet.js';

/** Column names (as written) -> what they map to; '' leaves the column out. */
export type ColumnMap = ReadonlyMap<string, string>;

/** `Column Name=field` options as a map; a later one for the same column wins. */
export function columnMapOf(...maps: ReadonlyArray<Readonly<Record<string, string | null>> | undefined>): ColumnMap {
  const map = new Map<string, string>();
  for (const entries of maps) for (const [column, target] of Object.entries(entries ?? {})) map.set(column, (target ?? '').trim());
  return map;
}

/** `--map` options: `Column Name=field`, the last `=` separating (column names may hold one). */
export function parseMapOptions(options: readonly string[]): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const option of options) {
    const at = option.lastIndexOf('=');
    if (at <= 0) throw new UsageError(`--map ${option}: write 'Column Name=field' (or 'Column Name=' to leave the column out)`);
    entries[option.slice(0, at).trim()] = option.slice(at + 1).trim();
  }
  return entries;
}

/** A --map-file's mapping of column names to fields. */
export function mapFileEntries(data: unknown, file: string): Record<string, string | null> {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new UsageError(`${file}: a map file is a mapping of column names to fields, e.g. "Server Name: id"`);
  const entries: Record<string, string | null> = {};
  for (const [column, target] of Object.entries(data)) {
    if (target !== null && typeof target !== 'string') throw new UsageError(`${file}: \`${column}\` maps to ${JSON.stringify(target)}; write a field name, or nothing to leave the column out`);
    entries[column] = target;
  }
  return entries;
}

interface MappedSheet {
  sheet: Sheet;
  /** Columns mapped to a field, for a source that does not read field names itself. */
  fieldColumns: Array<{ index: number; path: string[] }>;
}

/**
 * The sheet with its columns renamed as the map says. A column mapped to a field keeps the
 * field's name as its header (sheets of fields read it so); `isField` tells which targets are
 * fields for a source that reads its own columns only, whose mapped fields are then set apart.
 */
export function applyColumnMap(sheet: Sheet, map: ColumnMap, isField?: (target: string) => boolean): MappedSheet {
  if (map.size === 0) return { sheet, fieldColumns: [] };
  const byKey = new Map([...map].map(([column, target]) => [headerKey(column), target]));
  const fieldColumns: MappedSheet['fieldColumns'] = [];
  const header = sheet.header.map((name, index) => {
    const target = byKey.get(headerKey(name));
    if (target === undefined) return name;
    if (target !== '' && isField?.(target)) {
      fieldColumns.push({ index, path: target.split('.') });
      return '';
    }
    return target;
  });
  return { sheet: { ...sheet, header }, fieldColumns };
}

/** Mapped column names no sheet has: a misspelt map does nothing, and says so. */
export function unusedColumns(map: ColumnMap, sheets: readonly Sheet[]): string[] {
  const seen = new Set(sheets.flatMap((sheet) => sheet.header.map(headerKey)));
  return [...map.keys()].filter((column) => !seen.has(headerKey(column)));
}
