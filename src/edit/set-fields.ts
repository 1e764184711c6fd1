// `backlog set REF FIELD=VALUE ...`: values typed by the schema of the field, written in place.
import type * as z from 'zod';
import { COLLECTIONS } from '../../schemas/collections.js';
import { UsageError } from '../errors.js';
import type { Entity } from '../model/entity.js';
import { didYouMeanHint } from '../text/did-you-mean.js';
import { isExtensionField } from '../load/check/extensions.js';
import { splitSheetList } from '../text/sheet-list.js';
import { fieldNames, schemaAt, unwrap } from '../load/check/schema-walk.js';
import type { Edit } from './text-edits.js';

export interface Assignment {
  /** `priority`, or `target.region` for a field of a nested mapping. */
  path: string[];
  /** The typed value; undefined removes the field. */
  value: unknown;
}

/** `FIELD=VALUE` -> the field's path and its value, typed as the schema says. */
export function parseAssignment(entity: Entity, text: string): Assignment {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`\`${text}\`: write FIELD=VALUE, e.g. priority=high, tags=a,b, owner=null`);
  const path = text.slice(0, equals).trim().split('.');
  const raw = text.slice(equals + 1);
  const schema = COLLECTIONS[entity.collection].schema as z.ZodType;
  if (!isExtensionField(path[0]!)) {
    const parent = schemaAt(schema, path.slice(0, -1));
    const known = fieldNames(parent);
    if (!known.includes(path.at(-1)!)) {
      const suggestion = didYouMeanHint(path.at(-1)!, known);
      throw new UsageError(`a ${COLLECTIONS[entity.collection].kind} has no field \`${path.join('.')}\`${suggestion ? ` (${suggestion})` : ''}`, `its fields are ${known.join(', ')}; custom fields start with x-`);
    }
  }
  if (raw.trim() === '' || raw.trim() === 'null') return { path, value: undefined };
  return { path, value: typed(raw, isExtensionField(path[0]!) ? undefined : schemaAt(schema, path)) };
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

/** The edits that make the assignments, nested fields into their mapping (created when absent). */
export function assignmentEdits(entity: Entity, assignments: readonly Assignment[]): Edit[] {
  const { doc, path } = entity.location;
  const data = { ...(entity.data as Record<string, unknown>), ...entity.extensions };
  return assignments.map(({ path: fieldPath, value }): Edit => {
    if (fieldPath.length === 1) return { kind: 'set', doc, path, field: fieldPath[0]!, value };
    const [outer, inner] = fieldPath as [string, string];
    const current = data[outer];
    if (current && typeof current === 'object') return { kind: 'set', doc, path: [...path, outer], field: inner, value };
    return { kind: 'set', doc, path, field: outer, value: value === undefined ? undefined : { [inner]: value } };
  });
}
