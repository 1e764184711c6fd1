// Resolving references: a bare id in a field of known kind, or a typed `kind:id`.
import type { CollectionName } from '../../schemas/collections.js';
import { ID_PATTERN, TYPED_REFERENCE_PATTERN } from '../../schemas/vocabulary.js';
import { REFERENCE_FIELDS, TYPED_REFERENCE_KINDS, type ReferenceTarget, type TypedReferenceKind } from '../../schemas/references.js';
import type { Backlog } from './backlog.js';
import { lookup } from './backlog.js';
import { fieldLocation, idKey, type Entity } from './entity.js';
import type { NodeLocation } from './place.js';
import { standsAt } from '../text/stands-at.js';

export interface ParsedReference {
  /** The collection the id lives in; null for `external:`. */
  collection: CollectionName | null;
  kind: TypedReferenceKind | null;
  id: string;
}

export function parseReference(target: ReferenceTarget, value: string): ParsedReference {
  if (target !== 'typed') return { collection: target, kind: null, id: value };
  const colon = value.indexOf(':');
  if (colon === -1) return { collection: 'workloads', kind: 'workload', id: value };
  const kind = value.slice(0, colon) as TypedReferenceKind;
  return { collection: TYPED_REFERENCE_KINDS[kind] ?? null, kind, id: value.slice(colon + 1) };
}

export type Resolution =
  | { status: 'resolved'; entity: Entity }
  | { status: 'external'; name: string }
  | { status: 'unknown'; collection: CollectionName; id: string };

export function resolveReference(backlog: Backlog, target: ReferenceTarget, value: string): Resolution {
  const parsed = parseReference(target, value);
  if (parsed.collection === null) return { status: 'external', name: parsed.id };
  const entity = lookup(backlog, parsed.collection, parsed.id);
  return entity ? { status: 'resolved', entity } : { status: 'unknown', collection: parsed.collection, id: parsed.id };
}

/**
 * The entity a reference names; undefined when it names none, or something outside the estate
 * (`external:`). What resolveReference finds, without making anything: for the hundreds of
 * thousands of lookups of the graph and the rules.
 */
export function referencedEntity(backlog: Backlog, target: ReferenceTarget, value: string): Entity | undefined {
  if (target !== 'typed') return lookup(backlog, target, value);
  const collection = typedCollection(value);
  return collection ? backlog.byKey[collection].get(typedKey(value)) : undefined;
}

/** The collection a typed reference names: `workloads` for a bare id, null for `external:`, undefined for a kind there is none of. */
export function typedCollection(value: string): CollectionName | null | undefined {
  const colon = value.indexOf(':');
  return colon === -1 ? 'workloads' : kindAt(value, colon);
}

/** The id a typed reference names, as the index keys it (idKey): what follows its kind. */
export function typedKey(value: string): string {
  return idKey(value.slice(value.indexOf(':') + 1));
}

/** The collection of the kind that a typed reference starts with (before `colon`), compared in place: no string made. */
function kindAt(value: string, colon: number): CollectionName | null | undefined {
  for (const kind in TYPED_REFERENCE_KINDS) {
    if (kind.length === colon && standsAt(value, kind, 0)) return TYPED_REFERENCE_KINDS[kind as TypedReferenceKind];
  }
  return undefined;
}

/**
 * One reference as written in an entity: its value and where it stands. The place is worked
 * out when asked for: most references are only looked up, hundreds of thousands of them in a
 * large backlog.
 */
export class ReferenceOccurrence {
  constructor(
    private readonly entity: Entity,
    readonly field: string,
    readonly target: ReferenceTarget,
    readonly value: string,
    /** The item's index when the field is a list. */
    private readonly index: number | undefined,
  ) {}

  get location(): NodeLocation {
    return this.index === undefined ? fieldLocation(this.entity, this.field) : fieldLocation(this.entity, this.field, this.index);
  }
}

/** The well-formed references of one field, with where each stands. */
export function referencesIn(entity: Entity, field: string): ReferenceOccurrence[] {
  const found: ReferenceOccurrence[] = [];
  forEachReference(entity, (_, target, value, index) => found.push(new ReferenceOccurrence(entity, field, target, value, index)), field);
  return found;
}

/** The well-formed references of one field, values only: for the graph, which looks up every one of them and places none. */
export function referenceValuesIn(entity: Entity, field: string): string[] {
  const found: string[] = [];
  forEachReference(entity, (_, _target, value) => found.push(value), field);
  return found;
}

/**
 * Each well-formed reference an entity makes (of field `only`, when given), in field order,
 * without making an occurrence of each: for a caller that keeps few of them (UNKNOWN_REFERENCE).
 */
export function forEachReference(
  entity: Entity,
  visit: (field: string, target: ReferenceTarget, value: string, index: number | undefined) => void,
  only?: string,
): void {
  for (const { field, target } of REFERENCE_FIELDS[entity.collection]) {
    if (only === undefined || field === only) eachReference(entity, field, target, visit);
  }
}

/**
 * Each well-formed reference of a field, with its index when the field is a list. Only the
 * fields as written (`raw`, an entity with errors) are tested against the pattern: `data` has
 * passed the schema, whose reference fields take the same patterns (schemas/fields.ts), and
 * the test would run again on hundreds of thousands of references.
 */
function eachReference(entity: Entity, field: string, target: ReferenceTarget, visit: Parameters<typeof forEachReference>[1]): void {
  const written = entity.raw !== undefined;
  const value = (entity.raw ?? (entity.data as unknown as Record<string, unknown>))[field];
  const pattern = target === 'typed' ? TYPED_REFERENCE_PATTERN : ID_PATTERN;
  const wellFormed = (item: unknown): item is string => typeof item === 'string' && (!written || pattern.test(item));
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (wellFormed(item)) visit(field, target, item, index);
    }
  } else if (wellFormed(value)) {
    visit(field, target, value, undefined);
  }
}
