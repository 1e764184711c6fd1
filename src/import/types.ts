import type * as z from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import type { Backlog } from '../model/backlog.js';
import { fieldValue, type ValueOptions } from './field-value.js';
import { cellText, placeOf, type Sheet, type SheetRow } from './sheet.js';
import { numberOf } from './values.js';

/** A collection, or `metrics`: an outcome's metrics, one a row, with the outcome's id in a column. */
export type TableCollection = CollectionName | 'metrics';

/** One entity as an export describes it, before it is merged into the backlog. */
export interface ImportedEntity {
  /** The id; for a dependency without one, identity comes from from/to/port/protocol. */
  id?: string;
  /** Fields the export owns: written on creation and updated on every import. */
  fields: Record<string, unknown>;
  /** Fields written only when the entity is created: a person's later choice is kept. */
  initial?: Record<string, unknown>;
  /** Where the export wrote it, so that a finding about it points there. */
  origin?: Origin;
  /** Its x- fields are text from a CSV file: a new entity's `true` or `42` is read as YAML would. */
  textExtensions?: boolean;
  /** A metric (its fields), of the outcome with this id. */
  metricOf?: string;
}

export interface Origin {
  sheet: Sheet;
  row: number;
  /** The column of each field, by field name. */
  columns?: ReadonlyMap<string, number>;
}

export interface ImportResult {
  collection: CollectionName;
  entities: ImportedEntity[];
  rowsRead: number;
  /** Rows left out, counted by reason. */
  skipped: Map<string, number>;
}

/** A value the import cannot take, where the export wrote it. */
export interface ImportProblem {
  place: string;
  message: string;
  hint?: string;
}

/** What one sheet gave. */
export interface SheetImport {
  sheet: Sheet;
  /** By collection (a sheet of an intake form fills several). */
  results: ImportResult[];
  problems: ImportProblem[];
  /** Columns read into no field (the source's own that the backlog has no field for, or ignored). */
  leftOut: string[];
  /** What to do next, when the sheet gave less than it could. */
  hints?: string[];
}

export interface ImportContext {
  backlog: Backlog;
  values: ValueOptions;
  /** `import csv --collection`: what a sheet holds when neither its name nor its header says. */
  collection?: TableCollection;
  /** Unknown columns are left out (and listed), not refused. */
  ignoreUnknownColumns: boolean;
  /** Dependencies: servers not in the backlog are added (by name and address). */
  addServers: boolean;
}

export function skip(result: ImportResult, reason: string): void {
  result.skipped.set(reason, (result.skipped.get(reason) ?? 0) + 1);
}

export function emptyResult(collection: CollectionName, rowsRead: number): ImportResult {
  return { collection, entities: [], rowsRead, skipped: new Map() };
}

/** The column each field is read from, for an origin (fields from no column left out). */
export function columnsOf(columns: Record<string, number | undefined>): ReadonlyMap<string, number> {
  return new Map(Object.entries(columns).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

/** The sheet's columns a source did not read (by index: a name written twice is read once), to be listed as left out. */
export function columnsNotRead(sheet: Sheet, read: Iterable<number | undefined>): string[] {
  const indexes = new Set(read);
  return sheet.header.filter((name, i) => name !== '' && !indexes.has(i));
}

/**
 * A number column's cell (`CPUs`, `Provisioned MiB`): undefined when empty; when it holds what
 * is no number (`2.097.152`, `n/a`), a problem placed at its row and column, not a field left out unsaid.
 */
export function numberCell(sheet: Sheet, row: SheetRow, column: number | undefined, field: string, problems: ImportProblem[]): number | undefined {
  const text = column === undefined ? '' : cellText(row.cells[column]).trim();
  if (text === '') return undefined;
  const number = numberOf(text);
  if (number === undefined) problems.push({ place: placeOf(sheet, row.number, column), message: `\`${field}\` must be a number, not \`${text}\`` });
  return number;
}

/**
 * A cell's text as the value of a field of the collection (field-value.ts): undefined when
 * empty; a value the field cannot take is a problem placed at its row and column.
 */
export function typedCell(text: string, at: { sheet: Sheet; row: SheetRow; column: number | undefined }, collection: CollectionName, field: string, context: ImportContext, problems: ImportProblem[]): unknown {
  if (text === '') return undefined;
  const typed = fieldValue(text, COLLECTIONS[collection].schema as z.ZodType, field.split('.'), context.values);
  if ('value' in typed) return typed.value;
  problems.push({ place: placeOf(at.sheet, at.row.number, at.column), message: typed.problem, ...(typed.hint ? { hint: typed.hint } : {}) });
  return undefined;
}
