// The JSON Schema (draft-07, input mode) of a backlog file, for editors and other tools.
// schemas/backlog.schema.json is this output, kept equal by a test.
import * as z from 'zod';
import { BacklogFile } from './backlog-file.js';
import { ipAddressSchemas } from './fields.js';

const SCHEMA_ID = 'https://unpkg.com/migration-backlog/schemas/backlog.schema.json';

export function backlogJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(BacklogFile, {
    target: 'draft-07',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // Every entity and nested object is strict but takes `x-*` extension fields;
      // the file itself takes only collections.
      if (jsonSchema.type === "object" && jsonSchema.additionalProperties === false && (zodSchema as unknown) !== BacklogFile) {
        jsonSchema.patternProperties = { '^x-': {} };
      }
      if (ipAddressSchemas.has(zodSchema as unknown as z.ZodType)) {
        jsonSchema.anyOf = [{ format: 'ipv4' }, { format: 'ipv6' }];
      }
      // zod bounds every integer by the safe-integer range: noise in an editor's hover.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, title: 'migration backlog file', ...rest };
}
