// A sheet whose columns are fields of one collection: the column names `export` writes, plain
// field names (`target.region`), x- columns, and the names a source's own template uses (MEG's
// `Business Criticality`). Each cell is typed by its field's schema; a value that cannot be is a
// problem placed at its row and column, and the import is refused.
import type * as z from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import { Metric } from '../../schemas/outcome.js';
import { joinSheetList, splitSheetList } from '../text/sheet-list.js';
import { joinAnd } from '../text/list.js';
import { UsageError } from '../errors.js';
import { isExtensionField } from '../load/check/extensions.js';
import { headerKey } from './csv-table.js';
import { fieldValue } from './field-value.js';
import { metricColumns, sheetColumns } from './sheet-columns.js';
import { cellText, placeOf, type Sheet } from './sheet.js';
import { emptyResult, skip, type ImportContext, type ImportedEntity, type SheetImport, type TableCollection } from './types.js';
import { idFromName } from './values.js';


export interface ColumnTable {
  collection: TableCollection;
  /** The source's own column names -> field path; '' for a column the backlog has no field for. */
  columns?: Readonly<Record<string, string>>;
  /** With no id column, the id is made from the name (MEG sheets name workloads and machines). */
  idFrom?: string;
  /** Unknown columns refuse the sheet (unless ignored); a source's template leaves them out. */
  strict: boolean;
  /** Fields whose cells name entities by name (`Payroll`), not by id: the ids are found or made. */
  names?: Readonly<Record<string, CollectionName>>;
  /** Values as the source writes them, by field (compared as enumKey does). */
  synonyms?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Fields that follow from others (a server's OS family from its OS). */
  derive?: (fields: Record<string, unknown>) => void;
}

type Role = { field: string[] } | { leftOut: true } | { unknown: true };

export function importTable(sheet: Sheet, table: ColumnTable, context: ImportContext): SheetImport {
  const { collection } = table;
  const schema = (collection === 'metrics' ? Metric : COLLECTIONS[collection].schema) as z.ZodType;
  const roles = rolesOf(sheet, table);
  const unknown = sheet.header.filter((name, i) => name !== '' && 'unknown' in roles[i]!);
  const leftOut = sheet.header.filter((name, i) => name !== '' && ('leftOut' in roles[i]! || ('unknown' in roles[i]! && (context.ignoreUnknownColumns || !table.strict))));
  const values = table.synonyms ? { ...context.values, synonyms: { ...table.synonyms, ...context.values.synonyms } } : context.values;
  const problems: SheetImport['problems'] = [];
  const target = collection === 'metrics' ? 'outcomes' : collection;
  const result = emptyResult(target, sheet.rows.length);
  // A sheet whose columns are not understood cannot be read at all: the command must change.
  if (unknown.length > 0 && table.strict && !context.ignoreUnknownColumns) {
    throw new UsageError(
      `${placeOf(sheet)}: ${unknown.map((name) => `\`${name}\``).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${collection}`,
      `the columns of ${collection} are: ${labelsOf(collection).join(', ')} (or their field names); custom columns start with x-; --map 'NAME=field' reads a column into a field, --ignore-unknown-columns leaves such columns out`,
    );
  }
  const columnOf = new Map<string, number>();
  roles.forEach((role, i) => {
    if ('field' in role && !columnOf.has(role.field.join('.'))) columnOf.set(role.field.join('.'), i);
  });
  const hints = repeatedColumnsHint(sheet, roles, columnOf);
  const idColumn = columnOf.get('id') ?? (table.idFrom !== undefined ? columnOf.get(table.idFrom) : undefined);
  const outcomeColumn = columnOf.get('outcome');
  if (idColumn === undefined && collection !== 'dependencies') throw new UsageError(`${placeOf(sheet)} has no id column (\`${collection === 'metrics' ? 'Metric ID' : labelsOf(collection)[0]}\` or \`id\`)`);
  if (collection === 'metrics' && outcomeColumn === undefined) throw new UsageError(`${placeOf(sheet)} has no \`Outcome ID\` column: each metric belongs to an outcome`);
  for (const row of sheet.rows) {
    const rawId = idColumn === undefined ? '' : cellText(row.cells[idColumn]).trim();
    const id = idColumn !== undefined && idColumn === columnOf.get('id') ? rawId : idOfNamed(target, rawId, context);
    if (collection === 'metrics' && cellText(row.cells[outcomeColumn!]).trim() === '') {
      skip(result, 'a metric without an outcome id');
      continue;
    }
    // A dependency may have no id: its edge identifies it.
    if (!id && collection !== 'dependencies') {
      skip(result, 'no id');
      continue;
    }
    const fields: Record<string, unknown> = {};
    let rowHasProblem = false;
    roles.forEach((role, i) => {
      const written = row.cells[i];
      if (!('field' in role) || written === undefined || written === '' || columnOf.get(role.field.join('.')) !== i) return;
      const named = table.names?.[role.field.join('.')];
      const cell = named ? joinSheetList(splitSheetList(cellText(written)).map((name) => idOfNamed(named, name, context) ?? name)) : written;
      const [outer, inner] = role.field as [string, string | undefined];
      // The id column is read above; a name the id is made from is set below.
      if (outer === 'id' || outer === 'outcome' || i === idColumn) return;
      let value: unknown;
      if (isExtensionField(outer)) {
        value = cell;
      } else {
        const typed = fieldValue(cell, schema, role.field, values);
        if ('problem' in typed) {
          problems.push({ place: placeOf(sheet, row.number, i), message: typed.problem, ...(typed.hint ? { hint: typed.hint } : {}) });
          rowHasProblem = true;
          return;
        }
        value = typed.value;
      }
      if (inner === undefined) fields[outer] = value;
      else fields[outer] = { ...(fields[outer] as Record<string, unknown> | undefined), [inner]: value };
    });
    if (rowHasProblem) continue;
    // A name the id was made from is kept where the id could not keep it (a host name with spaces).
    if (table.idFrom !== undefined && idColumn !== columnOf.get('id') && fields[table.idFrom] === undefined && (table.idFrom === 'name' || id !== rawId)) fields[table.idFrom] = rawId;
    table.derive?.(fields);
    const origin = { sheet, row: row.number, columns: columnOf };
    const textExtensions = !sheet.typed;
    const entity: ImportedEntity =
      collection === 'metrics'
        ? { metricOf: cellText(row.cells[outcomeColumn!]).trim(), fields: { id, ...fields }, origin }
        : { ...(id ? { id } : {}), fields, origin, textExtensions };
    result.entities.push(entity);
  }
  return { sheet, results: [result], problems, leftOut, ...(hints ? { hints } : {}) };
}

/**
 * A column with values for a field an earlier column fills is left out (the first is read):
 * MEG's Digital Estate has `Business Owner` and `Technical Owner` twice. --map cannot keep it
 * (it maps every column of a name), a heading of its own can.
 */
function repeatedColumnsHint(sheet: Sheet, roles: readonly Role[], columnOf: ReadonlyMap<string, number>): string[] | undefined {
  const repeated = roles.flatMap((role, i) => ('field' in role && columnOf.get(role.field.join('.')) !== i && sheet.rows.some((row) => cellText(row.cells[i]) !== '') ? [`${i + 1} (${sheet.header[i]})`] : []));
  if (repeated.length === 0) return undefined;
  const [columns, verb, keep] = repeated.length === 1 ? ['column', 'gives a field an earlier column gives, and is', 'it'] : ['columns', 'give fields earlier columns give, and are', 'one'];
  return [`${columns} ${joinAnd(repeated)} ${verb} left out; to keep ${keep}, give it a heading of its own (an x- heading keeps it as written)`];
}

/** The id of the entity a sheet names by its name: one in the backlog with that name or id, else one made from the name. */
export function idOfNamed(collection: CollectionName, name: string, context: ImportContext): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return undefined;
  return namesOf(context, collection).get(wanted) ?? idFromName(name);
}

const nameIndexes = new WeakMap<object, Map<CollectionName, Map<string, string>>>();

/** Ids by lower-case id and name, made once per backlog and collection. */
function namesOf(context: ImportContext, collection: CollectionName): Map<string, string> {
  const byCollection = nameIndexes.get(context.backlog) ?? new Map<CollectionName, Map<string, string>>();
  nameIndexes.set(context.backlog, byCollection);
  let index = byCollection.get(collection);
  if (!index) {
    index = new Map();
    for (const entity of context.backlog.entities[collection] as ReadonlyArray<{ id: string; data: unknown }>) {
      const { name, hostname } = entity.data as { name?: unknown; hostname?: unknown };
      for (const known of [name, hostname]) if (typeof known === 'string' && !index.has(known.toLowerCase())) index.set(known.toLowerCase(), entity.id);
    }
    for (const entity of context.backlog.entities[collection] as ReadonlyArray<{ id: string }>) index.set(entity.id.toLowerCase(), entity.id);
    byCollection.set(collection, index);
  }
  return index;
}

function rolesOf(sheet: Sheet, table: ColumnTable): Role[] {
  const own = new Map(Object.entries(table.columns ?? {}).map(([name, field]) => [headerKey(name), field]));
  const known = new Map<string, string[]>();
  const columns = table.collection === 'metrics' ? metricColumns() : sheetColumns(table.collection);
  for (const column of columns) {
    known.set(headerKey(column.label), column.path);
    known.set(headerKey(column.path.join('.')), column.path);
  }
  return sheet.header.map((name): Role => {
    if (name === '') return { leftOut: true };
    if (isExtensionField(name)) return { field: [name] };
    const field = own.get(headerKey(name));
    if (field !== undefined) return field === '' ? { leftOut: true } : { field: field.split('.') };
    const path = known.get(headerKey(name));
    return path ? { field: path } : { unknown: true };
  });
}

function labelsOf(collection: TableCollection): string[] {
  return (collection === 'metrics' ? metricColumns() : sheetColumns(collection)).map((c) => c.label);
}

/** The collection a sheet holds, told by the name of its id column (`Machine ID`: servers). */
export function collectionOfHeader(header: readonly string[]): TableCollection | undefined {
  const first = header.map(headerKey);
  if (first.includes(headerKey(metricColumns().find((column) => column.path[0] === 'id')!.label))) return 'metrics';
  for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) {
    if (first.includes(headerKey(sheetColumns(collection)[0]!.label))) return collection;
  }
  return undefined;
}
