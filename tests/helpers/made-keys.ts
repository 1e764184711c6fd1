// A dependency read from the parse cache or a snapshot makes its key when first asked for
// (LoadedEntity.key): reading every key makes entities compare alike however they were read.
import type { Entity } from '../../src/model/entity.js';

/** The entities, each with its key made. */
export function withKeysMade<T extends readonly Entity[]>(entities: T): T {
  for (const entity of entities) void entity.key;
  return entities;
}
