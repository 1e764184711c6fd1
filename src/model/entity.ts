import type { CollectionName, EntityTypes } from '../../schemas/collections.js';
import { COLLECTION_KINDS } from '../../schemas/vocabulary.js';
import type { NodeLocation, PathSegment } from './place.js';
import { entityIdOf } from './dependency-identity.js';

export interface Entity<C extends CollectionName = CollectionName> {
  collection: C;
  /** The id as written; for a dependency without one, its identity `from->to:port/protocol`. */
  id: string;
  /** The id compared case-insensitively: the key of every index. */
  key: string;
  /**
   * The entity's fields after validation, defaults filled in. When the entity has errors, the
   * fields in error are left out, so that rules never see a value of the wrong type.
   */
  data: EntityTypes[C];
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
  /** `x-*` extension fields as written. */
  extensions: Record<string, unknown> | undefined;
  /** The entity's own mapping: `[collection, index]` in its document. */
  location: NodeLocation;
  valid: boolean;
}

/**
 * An entity as a load makes it (from a file, or from the parse cache). Its place is kept as its
 * file, its document and its index in the collection, and `location` is made when asked for:
 * only findings and edits ask, and a large estate has 160,000 entities, each two objects fewer
 * for the garbage collector to copy. Its id is always the one its data gives (entityIdOf): for
 * a dependency without one, its identity is made again when asked for, not kept (100,000 at L).
 */
export class LoadedEntity<C extends CollectionName = CollectionName> implements Entity<C> {
  // Set after construction, and only on an entity with errors: the others have no slot for them.
  declare raw?: Record<string, unknown>;
  declare fieldsInError?: ReadonlySet<string>;

  constructor(
    readonly collection: C,
    /** The key, when made already; undefined (only when keyIsIdKey) makes it when first asked for (see key). */
    private keyText: string | undefined,
    /** Whether `key` is idKey(id), as for every entity but a dependency keyed otherwise: the parse cache then leaves it out. */
    readonly keyIsIdKey: boolean,
    readonly data: EntityTypes[C],
    readonly extensions: Record<string, unknown> | undefined,
    readonly valid: boolean,
    readonly file: string,
    /** The entity's document in the file, and its index in the collection there (location.path is [collection, index]). */
    readonly doc: number,
    readonly index: number,
  ) {
    if (keyText === undefined && !keyIsIdKey) throw new Error('an entity keyed otherwise than by its id needs its key');
  }

  get id(): string {
    return entityIdOf(this.collection, this.data as Record<string, unknown>)!;
  }

  /**
   * A dependency keyed by its id's has its key made when first asked for (read from the parse
   * cache, or checked on the worker thread, which only sends it on): a load finds which
   * dependencies repeat without it (dependency-index.ts), and 100,000 keys at L are text the
   * garbage collector would copy.
   */
  get key(): string {
    return (this.keyText ??= idKey(this.id));
  }

  /** Whether the key is made already (key). */
  get keyMade(): boolean {
    return this.keyText !== undefined;
  }

  get location(): NodeLocation {
    return { file: this.file, doc: this.doc, path: [this.collection, this.index] };
  }
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
  return { ...entity.location, path: [...entity.location.path, ...path] };
}

/** Whether a field was written with a bad value: neither its absence nor its default can be trusted. */
export function inError(entity: Entity, ...fields: string[]): boolean {
  return entity.fieldsInError !== undefined && fields.some((field) => entity.fieldsInError!.has(field));
}
