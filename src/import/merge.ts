// Imported entities into the backlog: an entity that exists (same id, or for a dependency the
// same edge) has the fields the export owns updated and every other field kept; a new one is
// appended to the import's file. Nothing changes for what is already as the export says, so
// importing the same export twice changes nothing.
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import type { Backlog } from '../model/backlog.js';
import { dependencyKey } from '../model/dependency-identity.js';
import { type Entity, locationOf } from '../model/entity.js';
import { addTo } from '../model/group.js';
import { isRecord, sameValue } from '../model/same-value.js';
import { splitSheetList } from '../text/sheet-list.js';
import type { Edit } from '../edit/text-edits.js';
import { fieldNames } from '../load/check/schema-walk.js';
import type { ImportedEntity, ImportResult } from './types.js';
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
  const keyOf = (imported: ImportedEntity) => (imported.id !== undefined ? imported.id.toLowerCase() : edgeKey(imported.fields));
  const existingByKey = existingIndex(backlog, collection);
  const seen = new Set<string>();
  const appended: Record<string, unknown>[] = [];
  // The last of repeated entities counts: walk from the end, skip what was seen.
  for (const imported of [...result.entities].reverse()) {
    const key = keyOf(imported);
    if (seen.has(key)) {
      plan.repeated += 1;
      continue;
    }
    seen.add(key);
    const existing = existingByKey.get(key);
    if (!existing) {
      const fields = imported.textExtensions ? withTypedExtensions(imported.fields) : imported.fields;
      appended.unshift(inSchemaOrder(collection, { ...(imported.id !== undefined ? { id: imported.id } : {}), ...fields, ...imported.initial }));
      plan.added += 1;
      continue;
    }
    const current = { ...(existing.data as Record<string, unknown>), ...existing.extensions };
    const { doc, path, file } = locationOf(existing);
    let changed = false;
    for (const [field, imported_] of Object.entries(imported.fields)) {
      const value = likeCurrent(current[field], imported_);
      if (isRecord(value) && isRecord(current[field])) {
        // A nested mapping (target, costs): field by field, keeping what the export does not
        // mention, and every comment in it.
        for (const [inner, innerValue] of Object.entries(value)) {
          if (sameValue(current[field][inner], innerValue)) continue;
          add(file, { kind: 'set', doc, path: [...path, field], field: inner, value: innerValue });
          changed = true;
        }
        continue;
      }
      if (sameValue(current[field], value)) continue;
      add(file, { kind: 'set', doc, path, field, value });
      changed = true;
    }
    if (changed) plan.updated += 1;
    else plan.unchanged += 1;
  }
  if (appended.length > 0) add(into, { kind: 'append', doc: 0, collection, items: appended });
  return plan;
}

/**
 * The entities an import can meet again: by id; dependencies also by their edge — from, to and
 * port, whatever id or protocol a person has given them since.
 */
function existingIndex(backlog: Backlog, collection: CollectionName): Map<string, Entity> {
  const index = new Map<string, Entity>(backlog.byKey[collection] as Map<string, Entity>);
  if (collection === 'dependencies') {
    for (const entity of backlog.entities.dependencies) {
      const key = edgeKey(entity.data as unknown as Record<string, unknown>);
      if (!index.has(key)) index.set(key, entity);
    }
  }
  return index;
}

/** A dependency's edge, compared without case, a bare reference as a workload. */
function edgeKey(fields: Record<string, unknown>): string {
  return `edge\u0000${dependencyKey({ from: fields.from, to: fields.to, port: fields.port }) ?? ''}`;
}

/** A sheet's text in the type the field has now (custom x- columns come back as text). */
function likeCurrent(current: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (typeof current === 'number' && value.trim() !== '' && Number(value) === current) return current;
  if (typeof current === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  // Items in the type the list's items have now: `x-ports: [80, 443]` stays a list of numbers,
  // whatever items the sheet adds or moves.
  if (Array.isArray(current)) {
    const items = splitSheetList(value);
    const itemType = current.length > 0 && current.every((item) => typeof item === typeof current[0]) ? typeof current[0] : undefined;
    if (itemType === 'number' && items.every((item) => item.trim() !== '' && !Number.isNaN(Number(item)))) return items.map(Number);
    if (itemType === 'boolean' && items.every((item) => item === 'true' || item === 'false')) return items.map((item) => item === 'true');
    return items;
  }
  return value;
}

/**
 * A new entity's x- fields from a CSV file, typed as YAML would read them written plain: `true`
 * and `false` are booleans, a number written as JavaScript writes it is a number (`0042` stays
 * text). A CSV cell has no type; this is what makes `export` then `import` give the same backlog.
 */
function withTypedExtensions(fields: Record<string, unknown>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!field.startsWith('x-') || typeof value !== 'string') typed[field] = value;
    else if (value === 'true' || value === 'false') typed[field] = value === 'true';
    else if (value.trim() !== '' && String(Number(value)) === value) typed[field] = Number(value);
    else typed[field] = value;
  }
  return typed;
}

function inSchemaOrder(collection: CollectionName, entity: Record<string, unknown>): Record<string, unknown> {
  const order = fieldNames(COLLECTIONS[collection].schema as z.ZodType);
  return Object.fromEntries(Object.entries(entity).sort(([a], [b]) => rank(order, a) - rank(order, b)));
}

function rank(order: string[], field: string): number {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}
