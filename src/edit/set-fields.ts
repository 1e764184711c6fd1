// `backlog set`: assignments resolved against one entity — field names checked against its
// schema, list items found by index or id, values typed by the field — and the edits that make
// them, in place.
import type * as z from 'zod';
import { COLLECTIONS } from '../../schemas/collections.js';
import { UsageError } from '../errors.js';
import { locationOf, type Entity } from '../model/entity.js';
import { isRecord, sameValue } from '../model/same-value.js';
import { didYouMeanHint } from '../text/did-you-mean.js';
import { withArticle } from '../text/list.js';
import { isExtensionField } from '../load/check/extensions.js';
import { fieldNames, schemaAt, unwrap } from '../load/check/schema-walk.js';
import { splitSheetList } from '../text/sheet-list.js';
import type { ParsedAssignment } from './assignment-path.js';
import type { Edit } from './text-edits.js';
import { keyOrderAt, keyRank } from './canonical-order.js';
import type { PathSegment } from '../model/place.js';

type SetEdit = Extract<Edit, { kind: 'set' }>;

export interface ResolvedAssignment {
  /** Where, inside the entity: field names and list indexes (an item named by id found). */
  path: Array<string | number>;
  /** The value after; undefined removes the field. */
  value: unknown;
  /** The value before, undefined when absent. */
  before: unknown;
}

/** Names that would reach an object's prototype: never a field. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The assignments in the order given, each from the value those before it left: `tags-=a tags+=b`
 * does both. An `=` after another change of its field, or two fields one inside the other, is
 * refused: one of the two would be lost.
 */
export function resolveAssignments(entity: Entity, assignments: readonly ParsedAssignment[]): ResolvedAssignment[] {
  const valueSoFar = new Map<string, unknown>();
  const written = new Map<string, string>();
  return assignments.map((assignment) => {
    const resolved = resolveAssignment(entity, assignment, valueSoFar);
    const key = pathKey(resolved.path);
    const asWritten = `${assignment.target}${assignment.operator}${assignment.raw}`;
    const earlier = written.get(key);
    if (earlier !== undefined && assignment.operator === '=') throw new UsageError(`\`${earlier}\` and \`${asWritten}\` both change one field: give its value once (+= and -= may follow an =)`);
    for (const [other, text] of written) {
      if (other.startsWith(`${key}\0`) || key.startsWith(`${other}\0`)) throw new UsageError(`\`${text}\` and \`${asWritten}\`: one is inside the other; set them one at a time`);
    }
    valueSoFar.set(key, resolved.value);
    written.set(key, asWritten);
    return resolved;
  });
}

/** The assignment as it applies to this entity: its path checked against the schema and the data, its value typed. */
function resolveAssignment(entity: Entity, assignment: ParsedAssignment, valueSoFar: ReadonlyMap<string, unknown>): ResolvedAssignment {
  const { target } = assignment;
  const owner = withArticle(COLLECTIONS[entity.collection].kind);
  let schema: z.ZodType | undefined = COLLECTIONS[entity.collection].schema as z.ZodType;
  let data: unknown = fieldsAsWritten(entity);
  let written = '';
  const path: Array<string | number> = [];
  for (const step of assignment.steps) {
    if ('field' in step) {
      const name = step.field;
      if (schema !== undefined && !isExtensionField(name)) {
        const known = fieldNames(schema);
        if (!known.includes(name)) {
          const suggestion = didYouMeanHint(name, known);
          throw new UsageError(`${owner} has no field \`${target}\`${suggestion ? ` (${suggestion})` : ''}`, `its fields are ${known.join(', ')}; custom fields start with x-`);
        }
        schema = schemaAt(schema, [name]);
      } else {
        // Inside an x- field anything may stand, but never a key that reaches a prototype.
        if (RESERVED.has(name)) throw new UsageError(`\`${target}\`: \`${name}\` cannot be a field name`);
        schema = undefined;
      }
      if (data !== undefined && !isRecord(data)) throw new UsageError(`\`${target}\`: \`${written}\` is ${describeValue(data)}, not a mapping: set \`${written}\` itself`);
      data = data !== undefined && Object.hasOwn(data, name) ? data[name] : undefined;
      written += written === '' ? name : `.${name}`;
      path.push(name);
      continue;
    }
    const field = written;
    written += `[${'index' in step ? step.index : step.id}]`;
    if (!Array.isArray(data)) {
      if (data === undefined && schema !== undefined && typeOf(schema) === 'array') throw new UsageError(`\`${written}\`: ${entityName(entity)} has no \`${field}\``);
      throw new UsageError(`\`${written}\`: \`${field}\` is not a list`);
    }
    const index = 'index' in step ? step.index : data.findIndex((item) => isRecord(item) && typeof item.id === 'string' && item.id.toLowerCase() === step.id.toLowerCase());
    if (index === -1 || index >= data.length) {
      if ('index' in step) throw new UsageError(`\`${written}\`: ${entityName(entity)} has ${data.length} ${data.length === 1 ? 'item' : 'items'} in \`${field}\``);
      const ids = data.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
      throw new UsageError(`\`${written}\`: ${entityName(entity)} has no item with id \`${step.id}\` in \`${field}\``, didYouMeanHint(step.id, ids));
    }
    data = data[index];
    schema = schema && schemaAt(schema, [0]);
    path.push(index);
  }
  if (typeof path.at(-1) === 'number') {
    throw new UsageError(`\`${target}\`: set the whole list (\`${written.replace(/\[[^\]]*\]$/, '')}=a,b\`), or add and remove items with += and -=, or name a field of the item`);
  }
  const key = pathKey(path);
  const current = valueSoFar.has(key) ? valueSoFar.get(key) : data;
  return { path, before: current, value: newValue(assignment, current, schema, written) };
}

const pathKey = (path: ReadonlyArray<string | number>) => path.join('\0');

function newValue(assignment: ParsedAssignment, current: unknown, schema: z.ZodType | undefined, written: string): unknown {
  const { raw, operator } = assignment;
  if (operator === '=') return raw.trim() === '' || raw.trim() === 'null' ? undefined : typed(raw, schema);
  if (current !== undefined && !Array.isArray(current)) throw new UsageError(`\`${written}\` is ${describeValue(current)}, not a list: ${operator} ${operator === '+=' ? 'adds to' : 'removes from'} a list`);
  if (schema !== undefined && typeOf(schema) !== 'array') throw new UsageError(`\`${written}\` is not a list: ${operator} ${operator === '+=' ? 'adds to' : 'removes from'} a list`);
  const element = schema && schemaAt(schema, [0]);
  const items = splitSheetList(raw, ',').map((item) => typed(item, element));
  const list = current ?? [];
  if (operator === '+=') return [...list, ...items.filter((item, i) => !list.some((old) => sameItem(old, item)) && items.findIndex((other) => sameItem(other, item)) === i)];
  return current === undefined ? undefined : list.filter((old) => !items.some((item) => sameItem(old, item)));
}

/** Items compare as ids do: text without case. */
function sameItem(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : sameValue(a, b);
}

/**
 * Text (from the command line, a CSV cell) as the field's type: a list splits on the separator,
 * numbers and booleans convert; anything else stays text, for validation to judge.
 */
function typed(raw: string, schema: z.ZodType | undefined, listSeparator = ','): unknown {
  const type = schema ? typeOf(schema) : 'any';
  if (type === 'array') {
    const element = schemaAt(schema!, [0]);
    return splitSheetList(raw, listSeparator).map((item) => typed(item, element, listSeparator));
  }
  if (type === 'number' || type === 'int') return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (type === 'union' || type === 'any') {
    if (raw.trim() !== '' && !Number.isNaN(Number(raw))) return Number(raw);
    if (type === 'any' && (raw === 'true' || raw === 'false')) return raw === 'true';
  }
  return raw;
}

function typeOf(schema: z.ZodType): string {
  return (unwrap(schema) as unknown as { _zod: { def: { type: string } } })._zod.def.type;
}

/**
 * The edits that make the assignments: each at the deepest mapping that exists on its path, a
 * missing mapping written with what goes in it (`x-a.b.c=1` where there is no `x-a`).
 */
export function assignmentEdits(entity: Entity, assignments: readonly ResolvedAssignment[]): Edit[] {
  const { doc } = locationOf(entity);
  // The last change of a field holds those before it.
  const lastOfEach = new Map(assignments.map((assignment) => [pathKey(assignment.path), assignment]));
  const edits = [...lastOfEach.values()].flatMap(({ path, value }): SetEdit[] => {
    let data: unknown = fieldsAsWritten(entity);
    const at = [...locationOf(entity).path];
    for (const [i, segment] of path.slice(0, -1).entries()) {
      const next = isRecord(data) && typeof segment === 'string' ? (Object.hasOwn(data, segment) ? data[segment] : undefined) : Array.isArray(data) ? data[segment as number] : undefined;
      if (next === undefined || next === null || typeof next !== 'object') {
        if (value === undefined) return [];
        return [{ kind: 'set', doc, path: at, field: String(segment), value: nested(path.slice(i + 1) as string[], value) }];
      }
      at.push(segment);
      data = next;
    }
    return [{ kind: 'set', doc, path: at, field: String(path.at(-1)), value }];
  });
  return withMissingMappingsMerged(edits);
}

/** Two assignments into one missing mapping (`x-cmdb.ci=42 x-cmdb.env=prod`) write it once, with both. */
function withMissingMappingsMerged(edits: readonly SetEdit[]): SetEdit[] {
  const byPlace = new Map<string, SetEdit>();
  for (const edit of edits) {
    const place = JSON.stringify([edit.doc, edit.path, edit.field]);
    const earlier = byPlace.get(place);
    const merged = earlier !== undefined && isRecord(earlier.value) && isRecord(edit.value) && mergedRecords(earlier.value, edit.value);
    byPlace.set(place, merged ? { ...edit, value: inKeyOrder(merged, [...edit.path, edit.field]) } : edit);
  }
  return [...byPlace.values()];
}

function mergedRecords(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...a };
  for (const [key, value] of Object.entries(b)) merged[key] = isRecord(merged[key]) && isRecord(value) ? mergedRecords(merged[key], value) : value;
  return merged;
}

/** A new mapping's keys in the order fmt writes them (`target.service=… target.region=…` as region, service). */
function inKeyOrder(record: Record<string, unknown>, path: readonly PathSegment[]): Record<string, unknown> {
  const order = keyOrderAt(path) ?? [];
  const keys = Object.keys(record).sort((a, b) => keyRank(order, a) - keyRank(order, b));
  return Object.fromEntries(keys.map((key) => [key, isRecord(record[key]) ? inKeyOrder(record[key], [...path, key]) : record[key]]));
}

/** Whether an assignment changes anything. */
export function changes(assignment: ResolvedAssignment): boolean {
  return !sameValue(assignment.before, assignment.value);
}

function nested(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => Object.defineProperty({}, key, { value: inner, enumerable: true, writable: true, configurable: true }), value);
}

/** The entity's fields as the file has them (with `x-*` fields), not as validation left them. */
function fieldsAsWritten(entity: Entity): Record<string, unknown> {
  return { ...((entity.raw ?? entity.data) as Record<string, unknown>), ...entity.extensions };
}

function entityName(entity: Entity): string {
  return `${COLLECTIONS[entity.collection].kind} \`${entity.id}\``;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `\`${value}\`` : String(value);
}
