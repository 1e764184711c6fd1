// The Backlog: every entity of every file, indexed by collection and case-insensitive id.
import type { CollectionName } from '../../schemas/collections.js';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import type { Entity } from './entity.js';
import type { NodeLocation } from './place.js';
import { defineLazy } from './lazy.js';

export type EntitiesByCollection = { [C in CollectionName]: Entity<C>[] };

export interface Backlog {
  project: Project | undefined;
  projectLocation: NodeLocation | undefined;
  /** Every entity, in file order; duplicates included. */
  entities: EntitiesByCollection;
  /** The first entity of each id, by collection. */
  byKey: { [C in CollectionName]: Map<string, Entity<C>> };
  /** The entities whose id an earlier one of their collection has already, in file order. */
  repeated: EntitiesByCollection;
  /** The entity at an index of its collection, found without reading the whole collection (a snapshot's model's); see `entityAtIndex`. */
  entityAt?<C extends CollectionName>(name: C, index: number): Entity<C>;
  /** The index of the first entity of a key in its collection (-1 when none has it), found without reading the whole collection (a snapshot's model's). */
  indexOfKey?(name: CollectionName, key: string): number;
  /** Of a backlog made from another by swapping files that kept their ids in place (model/files-swapped.ts): that one, and the indexes of the entities swapped. */
  swappedFrom?: SwappedFrom;
}

/** The backlog another was made from by swapping a few files' entities in place: every other entity is its, at the same index. */
interface SwappedFrom {
  backlog: Backlog;
  /** The indexes in a collection of the entities swapped; undefined when they cannot be found without reading the whole collection. */
  indexes(name: CollectionName): number[] | undefined;
}

/** The entity at an index of its collection: without reading the whole collection when the backlog can. */
export function entityAtIndex<C extends CollectionName>(backlog: Backlog, name: C, index: number): Entity<C> {
  return backlog.entityAt ? backlog.entityAt(name, index) : backlog.entities[name][index]!;
}

/** The backlog's indexes made as its entities come, in file order (load/backlog-of-files.ts adds them). */
export class BacklogIndex {
  private readonly entities = emptyEntities();
  private readonly repeated = emptyEntities();
  readonly byKey = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])) as unknown as Backlog['byKey'];

  /** Adds the next entity: whether it is the first of its key in its collection. */
  add(entity: Entity): boolean {
    (this.entities[entity.collection] as Entity[]).push(entity);
    const first = this.byKey[entity.collection] as Map<string, Entity>;
    if (first.has(entity.key)) {
      (this.repeated[entity.collection] as Entity[]).push(entity);
      return false;
    }
    first.set(entity.key, entity);
    return true;
  }

  build(project?: { data: Project; location: NodeLocation }): Backlog {
    return { project: project?.data, projectLocation: project?.location, entities: this.entities, byKey: this.byKey, repeated: this.repeated };
  }
}

/**
 * A backlog whose collections are read, and indexed, when first used (from a snapshot,
 * load/snapshot.ts): the same in every other way as one built from its entities. `keyIndex`
 * may give a collection's index by key, and `found` ways to find entities and their indexes,
 * that do without reading the collection.
 */
export function lazyBacklog(
  readCollection: <C extends CollectionName>(name: C) => Entity<C>[],
  project?: { data: Project; location: NodeLocation },
  keyIndex: (name: CollectionName) => Map<string, Entity> | undefined = () => undefined,
  found: Pick<Backlog, 'entityAt' | 'indexOfKey' | 'swappedFrom'> = {},
): Backlog {
  const entities = {} as EntitiesByCollection;
  const byKey = {} as Backlog['byKey'];
  const repeated = {} as EntitiesByCollection;
  const indexes = new Map<CollectionName, ReturnType<typeof indexByKey>>();
  const indexOf = (name: CollectionName) => indexes.get(name) ?? indexes.set(name, indexByKey(entities[name] as Entity[])).get(name)!;
  for (const name of COLLECTION_NAMES) {
    defineLazy(entities, name, () => readCollection(name) as never);
    defineLazy(byKey, name, () => (keyIndex(name) ?? indexOf(name).first) as never);
    defineLazy(repeated, name, () => indexOf(name).repeated as never);
  }
  return { project: project?.data, projectLocation: project?.location, entities, byKey, repeated, ...found };
}

/** The first entity of each key, with its key, in order. */
export function* firstOfEachKey(entities: readonly Entity[]): Iterable<[string, Entity]> {
  const seen = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.key)) continue;
    seen.add(entity.key);
    yield [entity.key, entity];
  }
}

/** The first entity of each key, and the later ones that repeat a key. */
function indexByKey(entities: readonly Entity[]): { first: Map<string, Entity>; repeated: Entity[] } {
  const first = new Map<string, Entity>();
  const repeated: Entity[] = [];
  for (const entity of entities) addToIndex(first, repeated, entity);
  return { first, repeated };
}

/** Indexes the next entity of a collection under its key, unless an earlier one has it. */
function addToIndex(first: Map<string, Entity>, repeated: Entity[], entity: Entity): void {
  if (first.has(entity.key)) repeated.push(entity);
  else first.set(entity.key, entity);
}

function emptyEntities(): EntitiesByCollection {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as EntitiesByCollection;
}

export function entityCount(backlog: Backlog): number {
  return COLLECTION_NAMES.reduce((sum, name) => sum + backlog.entities[name].length, 0);
}

export function lookup<C extends CollectionName>(backlog: Backlog, collection: C, id: string): Entity<C> | undefined {
  return backlog.byKey[collection].get(id.toLowerCase());
}

