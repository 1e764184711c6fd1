// `backlog list`: the entities of one collection, filtered, ordered, as rows of chosen columns.
import type { CollectionName } from '../../schemas/collections.js';
import { LEVELS } from '../../schemas/vocabulary.js';
import { UsageError } from '../errors.js';
import { recordOf, type Entity } from '../model/entity.js';
import type { RowsData } from './rows.js';
import { joinOr } from '../text/list.js';
import { columnsOf, DEFAULT_COLUMNS, resolveColumn } from './columns.js';
import type { QueryContext } from './context.js';
import { checkKnownValues } from './known-values.js';
import { compareValues, comparePriority, type SortKey } from './order.js';
import { checkOrderValue, satisfies, type Condition } from './where.js';

const PRIORITY_LEVELS = [...LEVELS, 'unset'] as const;
export type PriorityLevel = (typeof PRIORITY_LEVELS)[number];

export interface ListOptions {
  collection: CollectionName;
  where: Condition[];
  sort: SortKey[];
  /** Priority order; with levels, only those levels. */
  priority?: { levels: PriorityLevel[] | undefined };
  columns?: string[];
  /** Whole records too (for json and yaml), unless columns are chosen. */
  records?: boolean;
}

/** The order a collection is listed in without --sort. */
const NATURAL_ORDER: Partial<Record<CollectionName, string>> = { priorities: 'rank', waves: 'order' };

const PRIORITY_COLUMNS = ['id', 'name', 'priority', 'rank', 'drivers', 'status', 'wave', 'owner'];

/** The default columns a narrow terminal leaves out first (after that, from the right). */
const LEAVE_OUT: Partial<Record<CollectionName | 'priority' | 'chosen', string[]>> = {
  priority: ['owner', 'drivers'],
  workloads: ['owner', 'servers'],
  dependencies: ['id', 'kind'],
};

/** The entities of a collection that meet every condition, in the collection's natural order (set --where). */
export function matchingEntities(context: QueryContext, collection: CollectionName, where: readonly Condition[]): Entity[] {
  return listEntities(context, { collection, where: [...where], sort: [], columns: ['id'] }).entities;
}

export function listEntities(context: QueryContext, options: ListOptions): RowsData & { entities: Entity[] } {
  const { collection } = options;
  if (options.priority && collection !== 'workloads') throw new UsageError(`--priority orders workloads, not ${collection}`);
  const columns = columnsOf(collection, context);
  const conditions = options.where.map((condition) => ({ ...condition, column: resolveColumn(columns, condition.field, '--where', collection) }));
  for (const condition of conditions) {
    checkOrderValue(condition, condition.column.kind);
    checkKnownValues(condition, condition.column, collection, context.backlog);
  }
  const sortKeys = options.sort.map((key) => ({ ...key, column: resolveColumn(columns, key.field, '--sort', collection) }));
  const shown = (options.columns ?? (options.priority ? PRIORITY_COLUMNS : DEFAULT_COLUMNS[collection])).map((name) =>
    resolveColumn(columns, name, '--columns', collection),
  );

  let entities = (context.backlog.entities[collection] as Entity[]).filter((entity) =>
    conditions.every((condition) => satisfies(condition.column.get(entity, context), condition, condition.column.kind)),
  );
  if (options.priority) {
    if (sortKeys.length > 0) throw new UsageError('--priority is an order of its own: use it or --sort, not both');
    const levels = options.priority.levels;
    if (levels) entities = entities.filter((e) => levels.includes((e as Entity<'workloads'>).data.priority ?? 'unset'));
    entities = [...(entities as Entity<'workloads'>[])].sort(comparePriority(context.backlog));
  } else {
    const keys = sortKeys.length > 0 ? sortKeys : [{ column: columns.get(NATURAL_ORDER[collection] ?? 'id')!, descending: false }];
    // Each value once per entity, not once per comparison: a computed column can be costly. Ties
    // go by id (a dependency's identity where it has none).
    const sortValues = new Map(entities.map((entity) => [entity, [...keys.map(({ column }) => column.get(entity, context)), entity.id]]));
    entities = [...entities].sort((a, b) => {
      const x = sortValues.get(a)!;
      const y = sortValues.get(b)!;
      for (const [i, { descending }] of keys.entries()) {
        const order = compareValues(x[i], y[i]);
        // Missing values (and empty lists) stay last whichever the direction.
        const missing = isMissing(x[i]) || isMissing(y[i]);
        if (order !== 0) return descending && !missing ? -order : order;
      }
      return compareValues(x[keys.length], y[keys.length]);
    });
  }
  return {
    entities,
    collection,
    columns: shown.map((column) => column.name),
    rows: entities.map((entity) => Object.fromEntries(shown.map((column) => [column.name, column.get(entity, context)]))),
    idColumn: 'id',
    ids: entities.map((entity) => entity.id),
    ...(options.records && !options.columns ? { records: entities.map(recordOf) } : {}),
    layout: {
      fits: Object.fromEntries(shown.flatMap((column) => (column.fit && column.fit !== 'fixed' ? [[column.name, column.fit]] : []))),
      leaveOut: LEAVE_OUT[options.columns ? 'chosen' : options.priority ? 'priority' : collection] ?? [],
      // Most dependencies have no id of their own: where an edge starts is what stays.
      keep: collection === 'dependencies' && shown.some((column) => column.name === 'from') ? 'from' : 'id',
    },
  };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

export function parsePriorityLevels(text: string | true): PriorityLevel[] | undefined {
  if (text === true) return undefined;
  const levels = text.split(',').map((level) => level.trim().toLowerCase());
  for (const level of levels) {
    if (!(PRIORITY_LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`--priority ${text}: \`${level}\` is not a priority level; use ${joinOr([...PRIORITY_LEVELS])}`);
    }
  }
  return levels as PriorityLevel[];
}
