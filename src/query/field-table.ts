// The fields of each collection, for the columns of `list`, `--where` and `--sort`: read from
// the JSON Schema of the file format (generated from the zod schemas, and kept equal to them by
// tests), so that a query needs no zod at start-up.
import type { CollectionName } from '../../schemas/vocabulary.js';
import schema from '../../schemas/backlog.schema.json' with { type: 'json' };

interface JsonSchemaObject {
  properties?: Record<string, JsonSchemaObject>;
  items?: JsonSchemaObject;
}

/** Each field of an entity of the collection, with the fields inside it when it is a mapping. */
export function fieldTable(collection: CollectionName): Array<{ field: string; inner: string[] }> {
  const entity = (schema as JsonSchemaObject).properties?.[collection]?.items;
  return Object.entries(entity?.properties ?? {}).map(([field, value]) => ({ field, inner: Object.keys(value.properties ?? {}) }));
}
