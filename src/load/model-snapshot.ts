// The model of a backlog as sections of a cache file (sectioned-file.ts), one per collection,
// so that a reader decodes only the collections it uses.
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import { lazyBacklog, type Backlog } from '../model/backlog.js';
import type { Entity, NodeLocation } from '../model/entity.js';
import { decodeEntities, encodeEntity, type StoredEntity } from './cache-codec.js';
import type { SectionedFile } from './sectioned-file.js';

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

/** The files, then a section per collection. */
export function modelSections(backlog: Backlog, paths: readonly string[]): Record<string, unknown> {
  const fileIndex = new Map(paths.map((path, index) => [path, index]));
  const sections: Record<string, unknown> = { [PATHS_SECTION]: paths };
  for (const name of COLLECTION_NAMES) {
    const entities = backlog.entities[name] as Entity[];
    sections[name] = { files: entities.map((entity) => fileIndex.get(entity.location.file)!), entities: entities.map(encodeEntity) };
  }
  return sections;
}

/** The model of a snapshot, each collection decoded when first used. */
export function modelOf(file: SectionedFile<ModelHeader>, paths?: readonly string[]): Backlog {
  let files = paths;
  return lazyBacklog(<C extends CollectionName>(name: C) => {
    files ??= file.section<string[]>(PATHS_SECTION) ?? [];
    const section = file.section<StoredCollection>(name) ?? { files: [], entities: [] };
    return decodeEntities(section.entities, (index) => files![section.files[index]!]!) as Entity<C>[];
  }, file.header.project);
}
