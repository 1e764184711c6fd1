// compare(before, after): what a change means for the backlog, not which lines moved. Entities
// are matched by collection and id (a dependency without id by its edge), so moving one to
// another file or reordering a list is no change; changes are listed field by field.
import { COLLECTION_KINDS, COLLECTION_NAMES, type CollectionName } from '../../schemas/vocabulary.js';
import type { Backlog } from '../model/backlog.js';
import type { Entity } from '../model/entity.js';
import { isRecord, sameValue } from '../model/same-value.js';

export interface FieldChange {
  /** `priority`, `target.region`. */
  path: string;
  before: unknown;
  after: unknown;
}

export interface EntityChange {
  collection: CollectionName;
  id: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
  /** Where it is written, after the change (before it, for a removed one). */
  file: string;
  /** The file it moved from, when it moved. */
  movedFrom?: string;
}

/** `mayDiffer(collection)` false: the collection is known to be the same on both sides (not read). */
export function compareBacklogs(before: Backlog, after: Backlog, mayDiffer: (collection: CollectionName) => boolean = () => true): EntityChange[] {
  const changes: EntityChange[] = [];
  for (const collection of COLLECTION_NAMES) {
    if (!mayDiffer(collection)) continue;
    const old = before.byKey[collection] as Map<string, Entity>;
    const now = after.byKey[collection] as Map<string, Entity>;
    for (const [key, entity] of now) {
      const previous = old.get(key);
      if (!previous) {
        changes.push({ collection, id: entity.id, change: 'added', fields: fieldChanges({}, contentOf(entity)), file: entity.file });
        continue;
      }
      const fields = fieldChanges(contentOf(previous), contentOf(entity));
      const moved = previous.file !== entity.file ? { movedFrom: previous.file } : {};
      if (fields.length > 0) changes.push({ collection, id: entity.id, change: 'changed', fields, file: entity.file, ...moved });
    }
    for (const [key, entity] of old) {
      if (!now.has(key)) changes.push({ collection, id: entity.id, change: 'removed', fields: fieldChanges(contentOf(entity), {}), file: entity.file });
    }
  }
  return changes;
}

/** What an entity says: its fields (defaults filled in, so writing a default is no change) and x- fields. */
export function contentOf(entity: Entity): Record<string, unknown> {
  return { ...(entity.data as Record<string, unknown>), ...entity.extensions };
}

/** Field by field, nested mappings by their own fields; a list is one value. */
export function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (sameValue(a, b)) continue;
    if (isRecord(a) && isRecord(b)) changes.push(...fieldChanges(a, b, `${prefix}${key}.`));
    else changes.push({ path: `${prefix}${key}`, before: a ?? null, after: b ?? null });
  }
  return changes;
}

export function kindOf(collection: CollectionName): string {
  return COLLECTION_KINDS[collection];
}
