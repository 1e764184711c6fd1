// The sheets `export` writes: one per collection (MEG-style column names, nested mappings
// flattened, x- columns last in name order) and one of the outcomes' metrics, each column with
// the kind of value it holds, so that a workbook can write numbers as numbers, dates as dates
// and offer an enumeration's values. Rows in the order of `backlog list`.
import schema from '../../schemas/backlog.schema.json' with { type: 'json' };
import type { CollectionName } from '../../schemas/vocabulary.js';
import { metricColumns, sheetColumns, type SheetColumn } from '../import/sheet-columns.js';
import type { Entity } from '../model/entity.js';
import type { QueryContext } from './context.js';
import { matchingEntities } from './list.js';

type ColumnKind = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'list' | 'figure' | 'any';

export interface ExportColumn {
  label: string;
  kind: ColumnKind;
  /** An enumeration's values (for a drop-down list). */
  values?: readonly string[];
}

export interface ExportSheet {
  /** The collection, or `metrics`. */
  name: string;
  columns: ExportColumn[];
  /** Values as the backlog holds them (a list as a list), by column. */
  rows: unknown[][];
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: string[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  /** An optional field also takes null (written with nothing after it): the value's own schema is the other branch. */
  anyOf?: JsonSchema[];
}

/** The schema of a value, past the null an optional field also takes. */
function valueSchema(at: JsonSchema | undefined): JsonSchema | undefined {
  return at?.anyOf ? (at.anyOf.find((branch) => branch.type !== 'null') ?? at) : at;
}

export function exportSheet(context: QueryContext, name: CollectionName | 'metrics'): ExportSheet {
  if (name === 'metrics') return metricsSheet(context);
  const collection = name;
  const columns = sheetColumns(collection);
  const entities = context.backlog.entities[collection] as Entity[];
  // Sorted: the header must not change when an entity moves to another file.
  const extensions = [...new Set(entities.flatMap((e) => Object.keys(e.extensions ?? {})))].sort();
  // The order of `backlog list`: priorities by rank, waves by order, the rest by id.
  const entitySchema = (schema as { properties: Record<string, JsonSchema> }).properties[collection]!.items!;
  const rows = matchingEntities(context, collection, []).map((entity) => {
    const data = entity.data as Record<string, unknown>;
    // The id as written: a dependency without one is identified by its edge, not by a column.
    const known = columns.map((column) => (column.path.length === 1 ? data[column.path[0]!] : (data[column.path[0]!] as Record<string, unknown> | undefined)?.[column.path[1]!]));
    return [...known, ...extensions.map((key) => entity.extensions?.[key])];
  });
  return { name, columns: [...columns.map((column) => exportColumn(column, entitySchema)), ...extensions.map((label) => ({ label, kind: 'any' as const }))], rows };
}

/** One metric a row, after the id of its outcome, outcomes in `list` order. */
function metricsSheet(context: QueryContext): ExportSheet {
  const columns = metricColumns();
  const outcomes = new Map(context.backlog.entities.outcomes.map((outcome) => [outcome.id, outcome]));
  const ordered = matchingEntities(context, 'outcomes', []).map((outcome) => outcome.id);
  const metricSchema = valueSchema((schema as { properties: Record<string, JsonSchema> }).properties.outcomes!.items!.properties!.metrics)!.items!;
  const rows = ordered.flatMap((id) => (outcomes.get(id)!.data.metrics ?? []).map((metric) => columns.map((column) => (column.path[0] === 'outcome' ? id : (metric as Record<string, unknown>)[column.path[0]!]))));
  return { name: 'metrics', columns: columns.map((column) => (column.path[0] === 'outcome' ? { label: column.label, kind: 'text' as const } : exportColumn(column, metricSchema))), rows };
}

function exportColumn(column: SheetColumn, entitySchema: JsonSchema): ExportColumn {
  let at: JsonSchema | undefined = entitySchema;
  for (const name of column.path) at = valueSchema(valueSchema(at)?.properties?.[name]);
  return { label: column.label, ...kindOf(at) };
}

function kindOf(at: JsonSchema | undefined): Omit<ExportColumn, 'label'> {
  if (!at) return { kind: 'any' };
  if (at.enum) return { kind: 'text', values: at.enum };
  if (Array.isArray(at.type)) return { kind: 'figure' };
  switch (at.type) {
    case 'array':
      return { kind: 'list' };
    case 'integer':
      return { kind: 'integer' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    default:
      return { kind: at.format === 'date' ? 'date' : 'text' };
  }
}
