// The columns of each collection for list, --where, --sort and --columns: the schema's fields
// (and nested ones as `target.region`), `x-*` fields, and figures computed from the backlog.
import { REFERENCE_FIELDS } from '../../schemas/references.js';
import type { CollectionName } from '../../schemas/vocabulary.js';
import { UsageError } from '../errors.js';
import type { Entity } from '../model/entity.js';
import { didYouMeanHint } from '../text/did-you-mean.js';
import { blockedBy, dependenciesOf, dependentsOf, moveGroupLabel, serverIndexesOf, totalOf } from './computed.js';
import type { QueryContext } from './context.js';
import type { ColumnFit } from './rows.js';
import { fieldFit, fieldKind, fieldTable, fieldValues } from './field-table.js';
import type { ValueKind } from './where.js';

export interface Column {
  name: string;
  get(entity: Entity, context: QueryContext): unknown;
  /** What it holds, when it orders as more than text (--where). */
  kind?: ValueKind;
  /** The values it may hold, when the format lists them (an enumeration). */
  values?: readonly string[];
  /** The collection whose ids it holds, when it is a reference. */
  refersTo?: CollectionName;
  /** How it gives way on a narrow terminal (default: never cut). */
  fit?: ColumnFit;
}

const workloadOf = (entity: Entity) => entity as Entity<'workloads'>;

const COMPUTED: Partial<Record<CollectionName, Column[]>> = {
  workloads: [
    { name: 'servers', kind: 'number', get: (e, c) => serverIndexesOf(c, workloadOf(e)).length },
    { name: 'cores', kind: 'number', get: (e, c) => totalOf(c, serverIndexesOf(c, workloadOf(e)), 'cores') },
    { name: 'memory_gb', kind: 'number', get: (e, c) => totalOf(c, serverIndexesOf(c, workloadOf(e)), 'memory_gb') },
    { name: 'depends_on_count', kind: 'number', get: (e, c) => dependenciesOf(c, workloadOf(e)).length },
    { name: 'dependents_count', kind: 'number', get: (e, c) => dependentsOf(c, workloadOf(e)).length },
    { name: 'move_group', get: (e, c) => moveGroupLabel(c, workloadOf(e)) },
    { name: 'blocked_by', fit: 'list', get: (e, c) => blockedBy(c, workloadOf(e)).map((w) => w.id) },
  ],
};

/** The column every collection has: where the entity is written. */
const FILE_COLUMN: Column = { name: 'file', get: (e) => e.file };

export const DEFAULT_COLUMNS: Record<CollectionName, string[]> = {
  workloads: ['id', 'name', 'priority', 'status', 'strategy', 'wave', 'owner', 'servers'],
  servers: ['id', 'workloads', 'os', 'cores', 'memory_gb', 'environment', 'status'],
  dependencies: ['id', 'from', 'to', 'port', 'protocol', 'kind', 'classification'],
  priorities: ['rank', 'id', 'title', 'type', 'due'],
  assumptions: ['id', 'statement', 'status', 'review_by', 'owner'],
  outcomes: ['id', 'title', 'category', 'stakeholder'],
  waves: ['order', 'id', 'name', 'status', 'start', 'end', 'max_servers'],
  remediations: ['id', 'title', 'severity', 'status', 'owner', 'due'],
  risks: ['id', 'title', 'category', 'severity', 'status', 'owner'],
};

/** Every column of a collection, by name. */
export function columnsOf(collection: CollectionName, context: QueryContext): Map<string, Column> {
  const columns = new Map<string, Column>();
  const references = new Map(REFERENCE_FIELDS[collection].map(({ field, target }) => [field, target]));
  for (const { field, inner: innerFields } of fieldTable(collection)) {
    const values = fieldValues(collection, [field]);
    const target = references.get(field);
    columns.set(field, {
      name: field,
      kind: fieldKind(collection, [field]),
      fit: fieldFit(collection, [field]),
      ...(values ? { values } : {}),
      ...(target && target !== 'typed' ? { refersTo: target } : {}),
      get: (e) => (e.data as Record<string, unknown>)[field],
    });
    // Nested objects (target, costs, defaults): their fields as `target.region`.
    for (const inner of innerFields) {
      const name = `${field}.${inner}`;
      const innerValues = fieldValues(collection, [field, inner]);
      columns.set(name, { name, kind: fieldKind(collection, [field, inner]), fit: fieldFit(collection, [field, inner]), ...(innerValues ? { values: innerValues } : {}), get: (e) => ((e.data as Record<string, unknown>)[field] as Record<string, unknown> | undefined)?.[inner] });
    }
  }
  // A dependency's id is the one written, if any: its identity (`from->to:port/protocol`) would
  // repeat the columns beside it. `ids` prints the identity (RowsData.ids).
  columns.set('id', collection === 'dependencies' ? { name: 'id', get: (e) => (e.data as { id?: string }).id } : { name: 'id', get: (e) => e.id });
  for (const column of COMPUTED[collection] ?? []) columns.set(column.name, column);
  columns.set(FILE_COLUMN.name, FILE_COLUMN);
  for (const entity of context.backlog.entities[collection] as Entity[]) {
    for (const key of Object.keys(entity.extensions ?? {})) {
      if (!columns.has(key)) columns.set(key, { name: key, fit: 'text', get: (e) => e.extensions?.[key] });
    }
  }
  return columns;
}

/** The named column, or a usage error that lists the valid ones. */
export function resolveColumn(columns: Map<string, Column>, name: string, option: string, collection: CollectionName): Column {
  const column = columns.get(name);
  if (column) return column;
  const known = [...columns.keys()];
  const suggestion = didYouMeanHint(name, known);
  throw new UsageError(
    `${option}: ${collection} have no field \`${name}\`${suggestion ? ` (${suggestion})` : ''}`,
    `the fields of ${collection} are ${known.join(', ')}`,
  );
}
