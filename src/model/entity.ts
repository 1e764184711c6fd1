import type { CollectionName, EntityTypes } from '../../schemas/collections.js';
import { COLLECTION_KINDS } from '../../schemas/vocabulary.js';
import type { NodeLocation, PathSegment } from './place.js';

export interface Entity<C extends CollectionName = CollectionName> {
  collection: C;
  /** The id as written; for a dependency without one, its identity `from->to:port/protocol`. */
  id: string;
  /** The id compared case-insensitively (a dependency without an id: its identity, bare ends as `workload:`): the key of every index. */
  key: string;
  /**
   * The entity's fields after validation, defaults filled in. When the entity has errors, the
   * fields in error are left out, so that rules never see a value of the wrong type.
   */
  data: EntityTypes[C];
  /** `x-*` extension fields as written. */
  extensions: Record<string, unknown> | undefined;
  valid: boolean;
  /**
   * The fields as written (without `x-*`), kept only for an entity with errors: its references
   * are still checked one by one, though a list they sit in has a bad item.
   */
  raw?: Record<string, unknown>;
  /**
   * Top-level fields whose values are in error (left out of `data`, or given their default).
   * Rules say nothing about them: the field's own error says it.
   */
  fieldsInError?: ReadonlySet<string>;
  /** Where it is written: its file, the YAML document in it, and its index in its collection there. */
  file: string;
  doc: number;
  index: number;
}

/** The entity's own mapping: `[collection, index]` in its document. */
export function locationOf(entity: Entity): NodeLocation {
  return { file: entity.file, doc: entity.doc, path: [entity.collection, entity.index] };
}

export const idKey = (id: string): string => id.toLowerCase();

/** `workload:crm`: how findings and the JSON output name an entity. */
export function entityLabel(entity: Pick<Entity, 'collection' | 'id'>): string {
  return `${COLLECTION_KINDS[entity.collection]}:${entity.id}`;
}

/** Every field of an entity as a record: its data (defaults filled in), then its `x-*` fields. */
export function recordOf(entity: Entity): Record<string, unknown> {
  return { ...(entity.data as Record<string, unknown>), ...entity.extensions };
}

/** The location of one field (or deeper) of an entity. */
export function fieldLocation(entity: Entity, ...path: PathSegment[]): NodeLocation {
  return { file: entity.file, doc: entity.doc, path: [entity.collection, entity.index, ...path] };
}

/** Whether a field was written with a bad value: neither its absence nor its default can be trusted. */
export function inError(entity: Entity, ...fields: string[]): boolean {
  return entity.fieldsInError !== undefined && fields.some((field) => entity.fieldsInError!.has(field));
}
