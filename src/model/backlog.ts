// The Backlog: every entity of every file, indexed by collection and case-insensitive id.
import type { CollectionName, EntityTypes } from '../../schemas/collections.js';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import type { Entity, NodeLocation } from './entity.js';
import { defineLazy } from './lazy.js';

export type EntitiesByCollection = { [C in CollectionName]: Entity<C>[] };

export interface Backlog {
  project: Project | undefined;
  projectLocation: NodeLocation | undefined;
  /** Every entity, in file order; duplicates included. */
  entities: EntitiesByCollection;
  /** The first entity of each id, by collection. */
  byKey: { [C in CollectionName]: Map<string, Entity<C>> };
}

export function buildBacklog(
  entities: EntitiesByCollection,
  project?: { data: Project; location: NodeLocation },
): Backlog {
  const byKey = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, indexByKey(entities[name] as Entity[])])) as Backlog['byKey'];
  return { project: project?.data, projectLocation: project?.location, entities, byKey };
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
  for (const name of COLLECTION_NAMES) {
    defineLazy(entities, name, () => readCollection(name) as never);
    defineLazy(byKey, name, () => indexByKey(entities[name] as Entity[]) as never);
  }
  return { project: project?.data, projectLocation: project?.location, entities, byKey };
}

function indexByKey(entities: readonly Entity[]): Map<string, Entity> {
  const index = new Map<string, Entity>();
  for (const entity of entities) {
    if (!index.has(entity.key)) index.set(entity.key, entity);
  }
  return index;
}

export function emptyEntities(): EntitiesByCollection {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, []])) as unknown as EntitiesByCollection;
}

export function entityCount(backlog: Backlog): number {
  return COLLECTION_NAMES.reduce((sum, name) => sum + backlog.entities[name].length, 0);
}

export function lookup<C extends CollectionName>(backlog: Backlog, collection: C, id: string): Entity<C> | undefined {
  return backlog.byKey[collection].get(id.toLowerCase());
}

export type { EntityTypes };
