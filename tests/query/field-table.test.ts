// The columns come from the JSON Schema (no zod at a query's start-up): it must name exactly the
// fields, and the fields inside mappings, that the zod schemas take.
import type * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS } from '../../schemas/collections.js';
import { fieldKind, fieldTable } from '../../src/query/field-table.js';
import { fieldNames, schemaAt } from '../../src/load/check/schema-walk.js';

describe('field table', () => {
  it('lists, for every collection, the fields of its zod schema and the fields inside each, in order', () => {
    for (const collection of COLLECTION_NAMES) {
      const schema = COLLECTIONS[collection].schema as z.ZodType;
      const fromZod = fieldNames(schema).map((field) => ({ field, inner: fieldNames(schemaAt(schema, [field])) }));
      expect(fieldTable(collection), collection).toEqual(fromZod);
      expect(fromZod.length, collection).toBeGreaterThan(5);
    }
    expect(fieldTable('workloads').find((f) => f.field === 'target')!.inner).toContain('region');
  });

  it('says which fields order as numbers or dates', () => {
    expect(fieldKind('servers', ['cores'])).toBe('number');
    expect(fieldKind('workloads', ['milestone'])).toBe('date');
    expect(fieldKind('workloads', ['costs', 'cloud_monthly'])).toBe('number');
    expect(fieldKind('workloads', ['name'])).toBeUndefined();
    expect(fieldKind('workloads', ['x-anything'])).toBeUndefined();
  });
});
