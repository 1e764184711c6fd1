// How a file's check is stored in the parse cache. Reading the pack back is most of a warm
// run, so an entity is stored as little more than its data: what can be derived again (the
// file, the path, the id, the key when it is the id's) is left out, and the rare parts
// (an entity in error, extension fields) travel only when present. `decodeCheck(encodeCheck(c),
// file)` gives back `c` (tests/load/parse-cache.test.ts).
import { COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import { dependencyKey, entityIdOf } from '../model/dependency-identity.js';
import { idKey, type Entity } from '../model/entity.js';
import type { FileCheck } from './check/check-file.js';
import { isJsonNumber } from './parse/core-schema.js';

/** `[collection index, data, doc, index in the collection, rest?]` */
export type StoredEntity = [number, Record<string, unknown>, number, number, StoredRest?];

/** What an entity has beyond its data, only when it has it (its id is always the one its data gives). */
interface StoredRest {
  key?: string;
  extensions?: Record<string, unknown>;
  invalid?: { raw?: Record<string, unknown>; fieldsInError?: string[] };
  /** Numbers JSON cannot hold (YAML's `.inf`, `-.inf`, `.nan`, and `-0`), by path from the entity. */
  nonFinite?: Array<[path: Array<string | number>, value: 'Infinity' | '-Infinity' | 'NaN' | '-0']>;
}

export interface StoredCheck {
  entities: StoredEntity[];
  drafts: FileCheck['drafts'];
  projects: FileCheck['projects'];
}

const collectionIndex = new Map(COLLECTION_NAMES.map((name, index) => [name, index]));

/** `finiteNumbers`: the parser vouched that every number is one JSON keeps (SourceFile): none is looked for. */
export function encodeCheck(check: FileCheck, finiteNumbers = false): StoredCheck {
  return { entities: check.entities.map((entity) => encodeEntity(entity, finiteNumbers)), drafts: check.drafts, projects: check.projects };
}

/** `collections`: the collections whose entities are decoded (every one's when none is given); the others are left out. */
export function decodeCheck(stored: StoredCheck, file: string, collections?: ReadonlySet<CollectionName>): FileCheck {
  const entities = collections ? stored.entities.filter(([collection]) => collections.has(COLLECTION_NAMES[collection]!)) : stored.entities;
  return {
    entities: entities.map((entity) => decodeEntity(entity, file)),
    drafts: stored.drafts.map((draft) => ({ ...draft, place: { ...draft.place, file }, ...(draft.related ? { related: draft.related.map((r) => ({ ...r, file })) } : {}) })),
    projects: stored.projects.map((project) => ({ ...project, location: { ...project.location, file } })),
  };
}

export function encodeEntity(entity: Entity, finiteNumbers = false): StoredEntity {
  const { doc, index } = entity;
  let rest: StoredRest | undefined;
  if (entity.key !== keyOf(entity.collection, entity.data as Record<string, unknown>, entity.id)) (rest ??= {}).key = entity.key;
  if (entity.extensions !== undefined) (rest ??= {}).extensions = entity.extensions;
  if (!entity.valid) (rest ??= {}).invalid = { ...(entity.raw ? { raw: entity.raw } : {}), ...(entity.fieldsInError ? { fieldsInError: [...entity.fieldsInError] } : {}) };
  if (!finiteNumbers && (hasNonFinite(entity.data) || hasNonFinite(entity.extensions) || hasNonFinite(entity.raw))) {
    (rest ??= {}).nonFinite = [...nonFiniteIn(entity.data, ['data']), ...nonFiniteIn(entity.extensions, ['extensions']), ...nonFiniteIn(entity.raw, ['raw'])];
  }
  const stored: StoredEntity = [collectionIndex.get(entity.collection)!, entity.data as Record<string, unknown>, doc, index];
  if (rest) stored.push(rest);
  return stored;
}

/** Entities stored apart from their files (a snapshot's section): `fileOf(i)` is the file of the i-th. */
export function decodeEntities(stored: readonly StoredEntity[], fileOf: (index: number) => string): Entity[] {
  return stored.map((entity, index) => decodeEntity(entity, fileOf(index)));
}

function decodeEntity([collection, data, doc, index, rest]: StoredEntity, file: string): Entity {
  const name = COLLECTION_NAMES[collection]!;
  const id = entityIdOf(name, data)!;
  const entity: Entity = {
    collection: name,
    id,
    key: rest?.key ?? keyOf(name, data, id),
    data: data as Entity['data'],
    extensions: rest?.extensions,
    valid: rest?.invalid === undefined,
    // Present on every entity (undefined on most): one shape for all of them.
    raw: rest?.invalid?.raw,
    fieldsInError: rest?.invalid?.fieldsInError ? new Set(rest.invalid.fieldsInError) : undefined,
    file,
    doc,
    index,
  };
  for (const [path, value] of rest?.nonFinite ?? []) setAt(entity as unknown as Record<string, unknown>, path, Number(value));
  return entity;
}

/** The key an entity of these fields has, unless its check gave it another (a dependency whose end is in error is keyed by its place). */
function keyOf(collection: Entity['collection'], data: Record<string, unknown>, id: string): string {
  return collection === 'dependencies' ? (dependencyKey(data, id) ?? idKey(id)) : idKey(id);
}

/** Whether a value holds Infinity, NaN or -0 anywhere: the quick test, run on every entity. */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !isJsonNumber(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasNonFinite(item)) return true;
    return false;
  }
  for (const key in value) if (Object.hasOwn(value, key) && hasNonFinite((value as Record<string, unknown>)[key])) return true;
  return false;
}

function nonFiniteIn(value: unknown, path: Array<string | number>): NonNullable<StoredRest['nonFinite']> {
  if (typeof value === 'number') return isJsonNumber(value) ? [] : [[path, Object.is(value, -0) ? '-0' : (String(value) as 'Infinity' | '-Infinity' | 'NaN')]];
  if (Array.isArray(value)) return value.flatMap((item, index) => nonFiniteIn(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => nonFiniteIn(item, [...path, key]));
  return [];
}

/** Puts a value back where JSON left null or 0 (the containers exist: JSON kept them). */
function setAt(target: Record<string, unknown>, path: ReadonlyArray<string | number>, value: unknown): void {
  let at = target as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
}
