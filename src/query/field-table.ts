// The fields of each collection, for the columns of `list`, `--where` and `--sort`: read from
// the JSON Schema of the file format (generated from the zod schemas, and kept equal to them by
// tests), so that a query needs no zod at start-up.
import type { CollectionName } from '../../schemas/vocabulary.js';
import schema from '../../schemas/backlog.schema.json' with { type: 'json' };
import type { ColumnFit } from './rows.js';
import type { ValueKind } from './where.js';

interface JsonSchemaObject {
  properties?: Record<string, JsonSchemaObject>;
  items?: JsonSchemaObject;
  type?: string | string[];
  format?: string;
  pattern?: string;
  anyOf?: JsonSchemaObject[];
  enum?: unknown[];
}

/** Each field of an entity of the collection, with the fields inside it when it is a mapping. */
export function fieldTable(collection: CollectionName): Array<{ field: string; inner: string[] }> {
  const entity = entitySchema(collection);
  return Object.keys(entity?.properties ?? {}).map((field) => ({ field, inner: Object.keys(fieldAt(collection, [field])?.properties ?? {}) }));
}

/** What a field (`cores`, `target.region`) holds when it orders as more than text; a list, what its items hold. */
export function fieldKind(collection: CollectionName, path: readonly string[]): ValueKind | undefined {
  const at = fieldAt(collection, path);
  return at && kindOf(at);
}

/** The values a field (or each item of a list field) may take, when it is an enumeration. */
export function fieldValues(collection: CollectionName, path: readonly string[]): string[] | undefined {
  let at = fieldAt(collection, path);
  if (at?.type === 'array') at = at.items;
  return at?.enum?.map(String);
}

/**
 * How a field's column gives way on a narrow terminal: free text (no enumeration, pattern or
 * format) is cut, a list is cut between items; ids, references, dates, numbers and enumerations
 * never are.
 */
export function fieldFit(collection: CollectionName, path: readonly string[]): ColumnFit {
  const at = fieldAt(collection, path);
  if (at?.type === 'array') return 'list';
  return at?.type === 'string' && !at.enum && !at.pattern && !at.format && !at.anyOf ? 'text' : 'fixed';
}

/** The schema of a field, as what it holds when written: a field the format lets be empty (`owner:`) is `X or null`. */
function fieldAt(collection: CollectionName, path: readonly string[]): JsonSchemaObject | undefined {
  let at = entitySchema(collection);
  for (const name of path) at = withoutNull(at?.properties?.[name]);
  return at;
}

function withoutNull(at: JsonSchemaObject | undefined): JsonSchemaObject | undefined {
  const branches = at?.anyOf?.filter((branch) => branch.type !== 'null');
  return branches && branches.length === 1 && branches.length < at!.anyOf!.length ? branches[0] : at;
}

function entitySchema(collection: CollectionName): JsonSchemaObject | undefined {
  return (schema as JsonSchemaObject).properties?.[collection]?.items;
}

function kindOf(at: JsonSchemaObject): ValueKind | undefined {
  if (at.anyOf) {
    const kinds = new Set(at.anyOf.filter((branch) => branch.type !== 'null').map(kindOf));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  }
  if (at.type === 'array') return at.items && kindOf(at.items);
  if (at.type === 'integer' || at.type === 'number') return 'number';
  return at.format === 'date' ? 'date' : undefined;
}
