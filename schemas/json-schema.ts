// The JSON Schema (draft-07, input mode) of a backlog file, for editors and other tools.
// schemas/backlog.schema.json is this output, kept equal by a test. It accepts what the CLI
// accepts and lets editors say what is wrong in words: it compiles in ajv's strict mode (no
// union `type` lists), a field written empty is absent as the CLI reads it, a date is a
// `format` (not a long pattern an editor would quote), and an address may carry a zone.
import * as z from 'zod';
import { BacklogFile } from './backlog-file.js';
import { ipAddressSchemas } from './fields.js';

const SCHEMA_ID = 'https://unpkg.com/migration-backlog/schemas/backlog.schema.json';

/** An IPv6 address with a zone (`fe80::1%eth0`) or an IPv4 tail (`::ffff:10.0.0.1`), which the format `ipv6` leaves out. */
const IPV6_WITH_ZONE_OR_IPV4 = '^[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(?:\\d{1,3}(?:\\.\\d{1,3}){3})?(?:%[^\\s%]+)?$';

type JsonObject = Record<string, unknown>;

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
        jsonSchema.anyOf = [{ format: 'ipv4' }, { format: 'ipv6' }, { pattern: IPV6_WITH_ZONE_OR_IPV4 }];
      }
      // The format says it; the pattern zod adds would be quoted whole in an editor's message.
      if (jsonSchema.format === 'date') delete jsonSchema.pattern;
      // zod bounds every integer by the safe-integer range: noise in an editor's hover.
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  const { $schema, ...rest } = generated;
  withoutTypeLists(rest);
  for (const collection of Object.values((rest.properties ?? {}) as Record<string, JsonObject>)) {
    const entity = collection.items as JsonObject | undefined;
    if (entity) emptyIsAbsent(entity);
  }
  return { $schema, $id: SCHEMA_ID, title: 'migration backlog file', ...rest };
}

/** A list of types (`[number, string]`, as zod writes a union of them) as `anyOf`: ajv's strict mode refuses the list. */
export function withoutTypeLists(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withoutTypeLists(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as JsonObject;
  if (Array.isArray(object.type)) {
    object.anyOf = (object.type as string[]).map((type) => ({ type }));
    delete object.type;
  }
  for (const value of Object.values(object)) withoutTypeLists(value);
}

/**
 * An entity's optional field written with nothing after it (`owner:`) is absent to the CLI: the
 * schema takes null there too. Its description and default stay where an editor shows them.
 */
function emptyIsAbsent(entity: JsonObject): void {
  const required = new Set((entity.required as string[] | undefined) ?? []);
  const properties = (entity.properties ?? {}) as Record<string, JsonObject>;
  for (const [name, field] of Object.entries(properties)) {
    if (required.has(name)) continue;
    const { description, default: fallback, ...value } = field;
    properties[name] = {
      ...(description !== undefined ? { description } : {}),
      ...(fallback !== undefined ? { default: fallback } : {}),
      anyOf: [value, { type: 'null' }],
    };
  }
}
