// Looking inside the zod schemas by path: which fields an object has (for "did you mean"),
// and what kind of value a field takes (for messages).
import type * as z from 'zod';

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The schema without optional / default / pipe wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The schema of the value at a path below `schema`, if the path exists in it. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    // Own keys only: `__proto__` is no field.
    if (def.type === 'object' && typeof segment === 'string') current = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = current && unwrap(current);
  }
  return current;
}

/** The field names an object schema accepts, or the keys a record takes; empty otherwise. */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'record' && def.keyType) {
    const keyDef = defOf(unwrap(def.keyType));
    if (keyDef.type === 'enum') return Object.values(keyDef.entries ?? {});
  }
  return [];
}

export function isRecordSchema(schema: z.ZodType | undefined): boolean {
  return schema !== undefined && defOf(unwrap(schema)).type === 'record';
}
