// The JSON Schema of each JSON output (draft-07), as published in schemas/output/.
import * as z from 'zod';
import { withoutTypeLists } from '../json-schema.js';
import { OUTPUT_SCHEMAS } from './index.js';

export const OUTPUT_NAMES = Object.keys(OUTPUT_SCHEMAS);

export function outputJsonSchema(name: string): Record<string, unknown> {
  const schema = OUTPUT_SCHEMAS[name];
  if (!schema) throw new Error(`no JSON output ${name}`);
  const { $schema, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-07',
    override: ({ jsonSchema }) => {
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  withoutTypeLists(rest);
  const { description, ...shape } = rest;
  return { $schema, $id: `https://unpkg.com/migration-backlog/schemas/output/${name}.schema.json`, title: description, ...shape };
}
