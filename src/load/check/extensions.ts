// `x-*` fields are custom columns: allowed on any entity (and the objects inside it) and kept
// as written. They are set aside before the schema check, which is strict about the rest.

export const isExtensionField = (key: string): boolean => key.startsWith('x-');

export interface SplitEntity {
  /** The entity without `x-*` fields, at every level; the input itself when it has none. */
  value: Record<string, unknown>;
  /** The entity's own top-level `x-*` fields. */
  extensions: Record<string, unknown> | undefined;
}

export function splitExtensions(entity: Record<string, unknown>): SplitEntity {
  let extensions: Record<string, unknown> | undefined;
  for (const key of Object.keys(entity)) {
    if (isExtensionField(key)) (extensions ??= {})[key] = entity[key];
  }
  return { value: withoutExtensions(entity) as Record<string, unknown>, extensions };
}

/** Copies only what changes, so a backlog without extensions costs one key scan per object. */
function withoutExtensions(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const stripped = withoutExtensions(item);
      if (stripped !== item) (copy ??= [...value])[index] = stripped;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    if (isExtensionField(key)) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    const item = value[key];
    const stripped = withoutExtensions(item);
    if (stripped !== item) {
      copy ??= { ...value };
      // Defined, not assigned: a key named __proto__ must stay a plain field.
      Object.defineProperty(copy, key, { value: stripped, enumerable: true, writable: true, configurable: true });
    }
  }
  return copy ?? value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
