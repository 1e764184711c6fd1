// Whether a backlog file is canonical already, seen without the `yaml` package: for the plain
// shape nearly every file has — comment lines at the top, collections in the canonical order,
// entities as block or padded flow mappings of fields in their schema's order, one-line
// scalars and flow lists written as the package writes them. Anything else, or anything not
// surely written as fmt writes it, is "not sure" and goes to the formatter
// (tests/edit/surely-canonical.test.ts compares the two).
import type * as z from 'zod';
import { COLLECTIONS, isCollectionName } from '../../schemas/collections.js';
import { fieldNames } from '../load/check/schema-walk.js';
import { plainScalarValue } from '../load/parse/core-schema.js';
import { TOP_LEVEL_ORDER } from './canonical-order.js';

/** Printable ASCII and line feeds only: no tabs, CRs, byte-order marks or other characters to weigh. */
const OUTSIDE_PLAIN_TEXT = /[^\n\x20-\x7e]/;
/** A comment the package writes back as it is: `# ` and text ending in no space. */
const COMMENT = /^# [^ ](?:.*[^ ])?$/;
const TOP_KEY = /^([a-z_]+):$/;
const FIELD_KEY = /^[a-z_][a-z0-9_]*$/;
/** Plain scalars written back as they are, read as strings, numbers or booleans (see plainValueStays). */
const SAFE_PLAIN = /^[A-Za-z0-9_(/][A-Za-z0-9 _.@/:+()=-]*$/;
const SHORTEST_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;
/** Quoted text without escapes, quotes or backslashes inside. */
const SAFE_QUOTED = /^(?:"[^"\\]*"|'[^']*')$/;

/** The canonical place of each field of a collection's entities. */
const fieldOrders = new Map<string, ReadonlyMap<string, number>>();

function fieldOrder(collection: string): ReadonlyMap<string, number> {
  let order = fieldOrders.get(collection);
  if (!order) {
    const names = isCollectionName(collection) ? fieldNames(COLLECTIONS[collection].schema as z.ZodType) : [];
    fieldOrders.set(collection, (order = new Map(names.map((name, index) => [name, index]))));
  }
  return order;
}

/** True when `formatYaml(text) === text` surely; false when not sure (the formatter decides). */
export function isSurelyCanonical(text: string): boolean {
  if (!text.endsWith('\n') || text.endsWith('\n\n') || OUTSIDE_PLAIN_TEXT.test(text)) return false;
  const lines = text.split('\n');
  lines.pop();
  let at = 0;
  while (at < lines.length && lines[at]!.startsWith('#')) if (!COMMENT.test(lines[at++]!)) return false;
  if (at === lines.length) return false;
  let lastCollection = -1;
  while (at < lines.length) {
    const name = TOP_KEY.exec(lines[at]!)?.[1];
    const rank = name === undefined || name === 'project' ? -1 : TOP_LEVEL_ORDER.indexOf(name);
    if (rank <= lastCollection) return false;
    lastCollection = rank;
    const order = fieldOrder(name!);
    at++;
    if (at === lines.length || !lines[at]!.startsWith('  - ')) return false;
    while (at < lines.length && lines[at]!.startsWith('  - ')) {
      const taken = entity(lines, at, order);
      if (taken === 0) return false;
      at += taken;
    }
  }
  return true;
}

/** How many lines the entity at `at` takes when it is canonical; 0 when not sure. */
function entity(lines: readonly string[], at: number, order: ReadonlyMap<string, number>): number {
  const first = lines[at]!.slice(4);
  if (first.startsWith('{')) return flowEntity(first, order) ? 1 : 0;
  let last = field(first, order, -1);
  let taken = 1;
  while (last !== -1 && at + taken < lines.length && lines[at + taken]!.startsWith('    ')) {
    last = field(lines[at + taken]!.slice(4), order, last);
    taken++;
  }
  return last === -1 ? 0 : taken;
}

/** A block field `key: value` after the one at `after`: its place in the order, or -1 when not sure. */
function field(line: string, order: ReadonlyMap<string, number>, after: number): number {
  const colon = line.indexOf(': ');
  if (colon === -1) return -1;
  const place = placeOf(line.slice(0, colon), order, after);
  return place !== -1 && valueStays(line.slice(colon + 2), false) ? place : -1;
}

/** `{ key: value, key: value }`, its keys in order. */
function flowEntity(text: string, order: ReadonlyMap<string, number>): boolean {
  if (!text.startsWith('{ ') || !text.endsWith(' }')) return false;
  const body = text.slice(2, -2);
  let last = -1;
  let from = 0;
  while (from <= body.length) {
    const colon = body.indexOf(': ', from);
    if (colon === -1) return false;
    last = placeOf(body.slice(from, colon), order, last);
    if (last === -1) return false;
    const start = colon + 2;
    const end = body.startsWith('[', start) ? body.indexOf(']', start) + 1 : body.indexOf(',', start);
    const stop = end <= 0 ? body.length : end;
    if (!valueStays(body.slice(start, stop), true)) return false;
    if (stop === body.length) return true;
    if (!body.startsWith(', ', stop)) return false;
    from = stop + 2;
  }
  return false;
}

/** A field's place when it comes after the one at `after` in the order; -1 otherwise. */
function placeOf(key: string, order: ReadonlyMap<string, number>, after: number): number {
  if (!FIELD_KEY.test(key)) return -1;
  const place = order.get(key);
  return place !== undefined && place > after ? place : -1;
}

/** Whether a one-line value is written back as it is: a scalar, or a flow list of scalars as `[a, b]`. */
function valueStays(text: string, inFlow: boolean): boolean {
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return false;
    if (text === '[]') return true;
    return text
      .slice(1, -1)
      .split(', ')
      .every((item) => scalarStays(item, true));
  }
  return scalarStays(text, inFlow);
}

function scalarStays(text: string, inFlow: boolean): boolean {
  if (SAFE_QUOTED.test(text)) return !inFlow || !/[,[\]{}]/.test(text);
  return SAFE_PLAIN.test(text) && plainValueStays(text);
}

/** A plain scalar read as a string, a shortest number or `true`/`false`, and not ending as a key would. */
function plainValueStays(text: string): boolean {
  if (text.endsWith(' ') || text.endsWith(':') || text.includes(': ') || text.includes('  ')) return false;
  const value = plainScalarValue(text);
  if (typeof value === 'string') return true;
  if (typeof value === 'number') return SHORTEST_NUMBER.test(text) && String(value) === text;
  return value === true || value === false ? text === 'true' || text === 'false' : false;
}
