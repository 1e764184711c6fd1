// The model of a backlog as sections of a cache file (cache/cache-file.ts), one per collection,
// so that a reader decodes only the collections it uses.
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import { lazyBacklog, type Backlog } from '../model/backlog.js';
import type { Entity } from '../model/entity.js';
import type { NodeLocation } from '../model/place.js';
import { decodeEntities, encodeEntity, type StoredEntity } from './cache-codec.js';
import { AsciiJson, asciiJson, type CacheFile } from '../cache/cache-file.js';

/** What a model snapshot's header holds: the project. The files are a section of their own (`paths`). */
export interface ModelHeader {
  project: { data: Project; location: NodeLocation } | undefined;
}

/** The section of the files, by index: entities name their file by its index. */
export const PATHS_SECTION = 'paths';

/** A collection's section: the entities, and the index in `paths` of the file each comes from. */
interface StoredCollection {
  files: number[];
  entities: StoredEntity[];
}

export function modelHeader(backlog: Backlog): ModelHeader {
  const { project, projectLocation } = backlog;
  return { project: project && projectLocation ? { data: project, location: projectLocation } : undefined };
}

/** The JSON (ASCII) of each entity turned into JSON so far, kept for as long as the entity lives. */
const jsonOfEntity = new WeakMap<Entity, string>();

/**
 * The files, then a section per collection. An entity is turned into JSON once per run: the
 * two sides of a diff share the very entity objects of every file they have alike at the same
 * path (load/read-files.ts), so the second side costs only its other files (and the hashing).
 */
export function modelSections(backlog: Backlog, paths: readonly string[]): Record<string, unknown> {
  const fileIndex = new Map(paths.map((path, index) => [path, index]));
  const sections: Record<string, unknown> = { [PATHS_SECTION]: paths };
  for (const name of COLLECTION_NAMES) {
    const entities = backlog.entities[name] as Entity[];
    const files = JSON.stringify(entities.map((entity) => fileIndex.get(entity.file)!));
    // The JSON of a StoredCollection (the interface above: keep the two alike), put together
    // from the entities' own.
    sections[name] = new AsciiJson(`{"files":${files},"entities":[${entities.map(entityJson).join(',')}]}`);
  }
  return sections;
}

function entityJson(entity: Entity): string {
  let json = jsonOfEntity.get(entity);
  if (json === undefined) jsonOfEntity.set(entity, (json = asciiJson(encodeEntity(entity))));
  return json;
}

/** The model of a snapshot, each collection decoded when first used. */
export function modelOf(file: CacheFile<ModelHeader>, paths?: readonly string[]): Backlog {
  let files = paths;
  return lazyBacklog(<C extends CollectionName>(name: C) => {
    files ??= file.section<string[]>(PATHS_SECTION) ?? [];
    const section = file.section<StoredCollection>(name) ?? { files: [], entities: [] };
    return decodeEntities(section.entities, (index) => files![section.files[index]!]!) as Entity<C>[];
  }, file.header.project);
}
