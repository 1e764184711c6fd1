// Imported entities into the backlog: an entity that exists (same id, or for a dependency the
// same edge) has the fields the export owns updated and every other field kept; a new one is
// appended to the import's file. Nothing changes for what is already as the export says, so
// importing the same export twice changes nothing.
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import type { Backlog } from '../model/backlog.js';
import { dependencyKey } from '../model/dependency-identity.js';
import type { Entity } from '../model/entity.js';
import { addTo } from '../model/group.js';
import { isRecord, sameValue } from '../model/same-value.js';
import type { Edit } from '../edit/text-edits.js';
import { fieldNames } from '../validate/schema-walk.js';
import type { ImportResult } from './types.js';
import type * as z from 'zod';

export interface MergePlan {
  edits: Map<string, Edit[]>;
  added: number;
  updated: number;
  unchanged: number;
  /** Entities the export lists more than once: the last one counts. */
  repeated: number;
}

export function mergeImported(backlog: Backlog, result: ImportResult, into: string): MergePlan {
  const { collection } = result;
  const plan: MergePlan = { edits: new Map(), added: 0, updated: 0, unchanged: 0, repeated: 0 };
  const add = (file: string, edit: Edit) => addTo(plan.edits, file, edit);
  const seen = new Set<string>();
  const appended: Record<string, unknown>[] = [];
  // The last of repeated entities counts: walk from the end, skip what was seen.
  for (const imported of [...result.entities].reverse()) {
    const key = imported.id !== undefined ? imported.id.toLowerCase() : (dependencyKey(imported.fields) ?? '');
    if (seen.has(key)) {
      plan.repeated += 1;
      continue;
    }
    seen.add(key);
    const existing = backlog.byKey[collection].get(key) as Entity | undefined;
    if (!existing) {
      appended.unshift(inSchemaOrder(collection, { ...(imported.id !== undefined ? { id: imported.id } : {}), ...imported.fields, ...imported.initial }));
      plan.added += 1;
      continue;
    }
    const current = { ...(existing.data as Record<string, unknown>), ...existing.extensions };
    let changed = false;
    for (const [field, value] of Object.entries(imported.fields)) {
      // A nested mapping (target, costs) keeps the fields the export does not mention.
      const merged = isRecord(value) && isRecord(current[field]) ? { ...current[field], ...value } : value;
      if (sameValue(current[field], merged)) continue;
      add(existing.location.file, { kind: 'set', doc: existing.location.doc, path: existing.location.path, field, value: merged });
      changed = true;
    }
    if (changed) plan.updated += 1;
    else plan.unchanged += 1;
  }
  if (appended.length > 0) add(into, { kind: 'append', doc: 0, collection, items: appended });
  return plan;
}

function inSchemaOrder(collection: CollectionName, entity: Record<string, unknown>): Record<string, unknown> {
  const order = fieldNames(COLLECTIONS[collection].schema as z.ZodType);
  return Object.fromEntries(Object.entries(entity).sort(([a], [b]) => rank(order, a) - rank(order, b)));
}

function rank(order: string[], field: string): number {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}
