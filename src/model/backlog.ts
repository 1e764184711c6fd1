// The Backlog: every entity of every file, indexed by collection and case-insensitive id.
import type { CollectionName } from '../../schemas/collections.js';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import type { Entity } from './entity.js';
import type { NodeLocation } from './place.js';
import { DependencyIndex } from './dependency-index.js';
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
}

/**
 * A backlog built entity by entity, in file order. An entity added with `addIndexed` is indexed
 * at once (a load builds the model as its files come, while it reads the rest); the others are
 * indexed by build(), a collection at a time, which is faster than entity by entity.
 */
export class BacklogBuilder {
  private readonly entities = emptyEntities();
  /**
   * The first entity of each id among those indexed, by collection: what entities still to come
   * cannot change. Dependencies are indexed by their keys' hashes (dependency-index.ts): their
   * map is made by build(), when first read.
   */
  readonly byKey = Object.fromEntries(COLLECTION_NAMES.filter((name) => name !== 'dependencies').map((name) => [name, new Map()])) as unknown as Omit<Backlog['byKey'], 'dependencies'>;
  private readonly dependencyIndex = new DependencyIndex();
  private readonly repeated = emptyEntities();
  /** Per collection: how many of its entities are indexed (the first ones). */
  private readonly indexed = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, 0])) as Record<CollectionName, number>;

  /** Adds the next entity, indexed by build(). */
  add(entity: Entity): void {
    (this.entities[entity.collection] as Entity[]).push(entity);
  }

  /** Adds the next entity, indexed now (after those of its collection added before it): true when it is the first of its id in its collection. */
  addIndexed(entity: Entity): boolean {
    this.add(entity);
    this.indexRest(entity.collection);
    // Indexed last: it repeats an earlier one if it went last to `repeated`.
    return this.repeated[entity.collection].at(-1) !== entity;
  }

  build(project?: { data: Project; location: NodeLocation }): Backlog {
    for (const name of COLLECTION_NAMES) this.indexRest(name);
    const byKey = this.byKey as Backlog['byKey'];
    const { dependencies } = this.entities;
    defineLazy(byKey, 'dependencies', () => indexByKey(dependencies).first as Backlog['byKey']['dependencies']);
    return { project: project?.data, projectLocation: project?.location, entities: this.entities, byKey, repeated: this.repeated };
  }

  private indexRest(collection: CollectionName): void {
    const entities = this.entities[collection] as Entity[];
    const repeated = this.repeated[collection] as Entity[];
    if (collection === 'dependencies') {
      for (let at = this.indexed[collection]; at < entities.length; at++) {
        if (!this.dependencyIndex.add(entities[at] as Entity<'dependencies'>)) repeated.push(entities[at]!);
      }
    } else {
      const first = this.byKey[collection] as Map<string, Entity>;
      for (let at = this.indexed[collection]; at < entities.length; at++) addToIndex(first, repeated, entities[at]!);
    }
    this.indexed[collection] = entities.length;
  }
}

/**
 * A backlog whose collections are read, and indexed, when first used (from a snapshot,
 * load/snapshot.ts): the same in every other way as one built from its entities.
 */
export function lazyBacklog(
  readCollection: <C extends CollectionName>(name: C) => Entity<C>[],
  project?: { data: Project; location: NodeLocation },
): Backlog {
  const entities = {} as EntitiesByCollection;
  const byKey = {} as Backlog['byKey'];
  const repeated = {} as EntitiesByCollection;
  const indexes = new Map<CollectionName, ReturnType<typeof indexByKey>>();
  const indexOf = (name: CollectionName) => indexes.get(name) ?? indexes.set(name, indexByKey(entities[name] as Entity[])).get(name)!;
  for (const name of COLLECTION_NAMES) {
    defineLazy(entities, name, () => readCollection(name) as never);
    defineLazy(byKey, name, () => indexOf(name).first as never);
    defineLazy(repeated, name, () => indexOf(name).repeated as never);
  }
  return { project: project?.data, projectLocation: project?.location, entities, byKey, repeated };
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

