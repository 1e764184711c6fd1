// The Backlog: every entity of every file, indexed by collection and case-insensitive id.
import type { CollectionName, EntityTypes } from '../../schemas/collections.js';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import type { Project } from '../../schemas/project.js';
import type { Entity, NodeLocation } from './entity.js';

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
  const byKey = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])) as Backlog['byKey'];
  for (const name of COLLECTION_NAMES) {
    const index = byKey[name] as Map<string, Entity>;
    for (const entity of entities[name] as Entity[]) {
      if (!index.has(entity.key)) index.set(entity.key, entity);
    }
  }
  return { project: project?.data, projectLocation: project?.location, entities, byKey };
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
