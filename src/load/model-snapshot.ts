// The model of a backlog as sections of a cache file (cache/cache-file.ts), one per collection,
// so that a reader decodes only the collections it uses. A snapshot for queries also splits the
// large collections into parts, with a hash of each entity's key: a query that shows a few
// servers decodes their parts, not all of them.
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import type { Project } from '../../schemas/project.js';
import { entityAtIndex, firstOfEachKey, lazyBacklog, type Backlog } from '../model/backlog.js';
import { fromInt32Base64, int32Base64 } from './int32-base64.js';
import { LazyMap } from '../model/lazy-map.js';
import type { Entity } from '../model/entity.js';
import type { NodeLocation } from '../model/place.js';
import { decodeEntities, encodeEntity, type StoredEntity } from './cache-codec.js';
import { AsciiJson, asciiJson, type CacheFile, type WrittenSection } from '../cache/cache-file.js';

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

/** How many entities a part of a collection holds, when its collection is split (`parts`). */
const PART_SIZE = 100;

/** The section of the hashes of the keys of the split collections (`parts`), by collection. */
const KEYS_SECTION = 'keys';

const partName = (name: CollectionName, part: number) => `${name}@${part}`;

/**
 * The files, then a section per collection; with `parts`, a collection of more than PART_SIZE
 * entities is written in parts, with the hashes of its keys. An entity is turned into JSON once
 * per run: the two sides of a diff share the very entity objects of every file they have alike at
 * the same path (load/read-files.ts), so the second side costs only its other files (and the
 * hashing). `earlier`: a snapshot of the same files whose model this one was made from; a section
 * of the very entities it has at the same places is copied from it, not made again.
 */
export function modelSections(backlog: Backlog, paths: readonly string[], parts = false, earlier?: EarlierModel): Record<string, unknown> {
  const fileIndex = new Map(paths.map((path, index) => [path, index]));
  const sections: Record<string, unknown> = { [PATHS_SECTION]: paths };
  const keys: Record<string, string> = {};
  const collection = (entities: readonly Entity[]) => {
    const files = JSON.stringify(entities.map((entity) => fileIndex.get(entity.file)!));
    // The JSON of a StoredCollection (the interface above: keep the two alike), put together
    // from the entities' own.
    return new AsciiJson(`{"files":${files},"entities":[${entities.map(entityJson).join(',')}]}`);
  };
  const inPlace = parts && earlier && backlog.swappedFrom?.backlog === earlier.backlog ? sectionsInPlace(backlog, earlier, collection) : undefined;
  if (inPlace) return { ...sections, ...inPlace };
  for (const name of COLLECTION_NAMES) {
    const entities = backlog.entities[name] as Entity[];
    const before = earlier && (earlier.backlog.entities[name] as Entity[]);
    // Of the same entities, in the same places, in a part of the same bounds.
    const copied = (section: string, start: number, end: number) =>
      before?.length === entities.length && entities.slice(start, end).every((entity, at) => before[start + at] === entity) ? earlier!.sectionAsWritten(section) : undefined;
    if (!parts || entities.length <= PART_SIZE) {
      sections[name] = copied(name, 0, entities.length) ?? collection(entities);
      continue;
    }
    for (let start = 0; start < entities.length; start += PART_SIZE) {
      const part = partName(name, start / PART_SIZE);
      sections[part] = copied(part, start, start + PART_SIZE) ?? collection(entities.slice(start, start + PART_SIZE));
    }
    keys[name] = int32Base64(entities.map((entity) => keyHash(entity.key)));
  }
  if (parts) sections[KEYS_SECTION] = keys;
  return sections;
}

/**
 * The sections (with `parts`) of a backlog swapped in place from `earlier`'s model
 * (model/files-swapped.ts), without reading its collections: each part without an entity
 * swapped is copied as written, the others made again (`collection`); the keys are the same.
 * Undefined when the entities swapped cannot be found so.
 */
function sectionsInPlace(backlog: Backlog, earlier: EarlierModel, collection: (entities: readonly Entity[]) => AsciiJson): Record<string, unknown> | undefined {
  const keys = earlier.sectionAsWritten(KEYS_SECTION);
  if (!keys) return undefined;
  const sections: Record<string, unknown> = { [KEYS_SECTION]: keys };
  let hashes: Record<string, string> | undefined;
  const sizeOf = (name: CollectionName) => fromInt32Base64((hashes ??= JSON.parse(keys.json) as Record<string, string>)[name] ?? '').length;
  for (const name of COLLECTION_NAMES) {
    const swapped = backlog.swappedFrom!.indexes(name);
    if (!swapped) return undefined;
    const whole = earlier.sectionAsWritten(name);
    if (whole !== undefined) {
      sections[name] = swapped.length === 0 ? whole : collection(backlog.entities[name] as Entity[]);
      continue;
    }
    const touched = new Set(swapped.map((index) => Math.floor(index / PART_SIZE)));
    for (let part = 0, written = earlier.sectionAsWritten(partName(name, 0)); written !== undefined; written = earlier.sectionAsWritten(partName(name, ++part))) {
      if (!touched.has(part)) {
        sections[partName(name, part)] = written;
        continue;
      }
      const start = part * PART_SIZE;
      const end = earlier.sectionAsWritten(partName(name, part + 1)) === undefined ? sizeOf(name) : start + PART_SIZE;
      sections[partName(name, part)] = collection(Array.from({ length: end - start }, (_, at) => entityAtIndex(backlog, name, start + at)));
    }
  }
  return sections;
}

/** A snapshot's model and its sections as written. */
export interface EarlierModel {
  backlog: Backlog;
  sectionAsWritten(name: string): WrittenSection | undefined;
}

function entityJson(entity: Entity): string {
  let json = jsonOfEntity.get(entity);
  if (json === undefined) jsonOfEntity.set(entity, (json = asciiJson(encodeEntity(entity))));
  return json;
}

/**
 * A hash of a collection's sections, its parts' when it is split: equal in two files only when
 * the collection is the same in both (undefined when the file has none).
 */
export function collectionHash(file: CacheFile<ModelHeader>, name: CollectionName): string | undefined {
  const whole = file.sectionHash(name);
  if (whole !== undefined) return whole;
  const parts: string[] = [];
  for (let part = 0, hash = file.sectionHash(partName(name, 0)); hash !== undefined; hash = file.sectionHash(partName(name, ++part))) parts.push(hash);
  return parts.length > 0 ? parts.join('+') : undefined;
}

/** A model read from its sections: the backlog, and any one entity without its whole collection. */
export interface StoredModel {
  backlog: Backlog;
  /** The entity at this index of its collection (the very object the backlog holds there). */
  entityAt<C extends CollectionName>(name: C, index: number): Entity<C>;
}

/** The model of a snapshot, each collection decoded when first used. */
export function modelOf(file: CacheFile<ModelHeader>, paths?: readonly string[]): Backlog {
  return storedModelOf(file, paths).backlog;
}

/** The model of a snapshot, each collection (or part of one) decoded when first used. */
export function storedModelOf(file: CacheFile<ModelHeader>, paths?: readonly string[]): StoredModel {
  let files = paths;
  const decoded = new Map<string, Entity[]>();
  const section = (name: string): Entity[] => {
    let entities = decoded.get(name);
    if (!entities) {
      files ??= file.section<string[]>(PATHS_SECTION) ?? [];
      const stored = file.section<StoredCollection>(name) ?? { files: [], entities: [] };
      decoded.set(name, (entities = decodeEntities(stored.entities, (index) => files![stored.files[index]!]!)));
    }
    return entities;
  };
  const isSplit = (name: CollectionName) => file.sectionHash(name) === undefined && file.sectionHash(partName(name, 0)) !== undefined;
  const readCollection = (name: CollectionName): Entity[] => {
    if (!isSplit(name)) return section(name);
    const entities: Entity[] = [];
    for (let part = 0; file.sectionHash(partName(name, part)) !== undefined; part++) entities.push(...section(partName(name, part)));
    return entities;
  };
  const entityAt = (name: CollectionName, index: number): Entity =>
    isSplit(name) ? section(partName(name, Math.floor(index / PART_SIZE)))[index % PART_SIZE]! : backlog.entities[name][index]!;
  let keys: Record<string, string> | undefined;
  // The index of a key's first entity, by the hashes of a split collection's keys.
  const indexesOfKey = new Map<CollectionName, (key: string) => number>();
  const keyFinder = (name: CollectionName) => {
    keys ??= file.section<Record<string, string>>(KEYS_SECTION) ?? {};
    const hashes = fromInt32Base64(keys[name] ?? '');
    // A query looks up a few keys, each a scan; a rule looks up every reference, so past a few
    // lookups a map of where each hash is first pays for itself.
    let lookups = 0;
    let firstOfHash: Map<number, number> | undefined;
    const firstIndex = (hash: number) => (++lookups <= SCANNED_LOOKUPS ? hashes.indexOf(hash) : ((firstOfHash ??= firstIndexOfEach(hashes)).get(hash) ?? -1));
    // The first entity of the key is the first whose key it is, in file order.
    return (key: string) => {
      const hash = keyHash(key);
      for (let index = firstIndex(hash); index !== -1; index = hashes.indexOf(hash, index + 1)) if (entityAt(name, index).key === key) return index;
      return -1;
    };
  };
  const indexOfKey = (name: CollectionName, key: string): number => {
    if (!isSplit(name)) return backlog.entities[name].findIndex((entity) => entity.key === key);
    let find = indexesOfKey.get(name);
    if (!find) indexesOfKey.set(name, (find = keyFinder(name)));
    return find(key);
  };
  const keyIndex = (name: CollectionName) =>
    isSplit(name)
      ? new LazyMap<string, Entity>(
          (key) => {
            const index = indexOfKey(name, key);
            return index === -1 ? undefined : entityAt(name, index);
          },
          () => firstOfEachKey(backlog.entities[name] as Entity[]),
        )
      : undefined;
  const backlog = lazyBacklog(<C extends CollectionName>(name: C) => readCollection(name) as Entity<C>[], file.header.project, keyIndex, { entityAt: entityAt as StoredModel['entityAt'], indexOfKey });
  return { backlog, entityAt: entityAt as StoredModel['entityAt'] };
}

/** Lookups of a collection answered by scanning its hashes before a map of them is made. */
const SCANNED_LOOKUPS = 64;

function firstIndexOfEach(hashes: Int32Array): Map<number, number> {
  const first = new Map<number, number>();
  for (let index = hashes.length - 1; index >= 0; index--) first.set(hashes[index]!, index);
  return first;
}

/** A 32-bit hash of a key (FNV-1a), to find an entity's part without decoding the others. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), 0x01000193);
  return hash | 0;
}
