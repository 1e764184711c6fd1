// A sheet's cell as the value of a backlog field, typed by the field's schema: numbers as a sheet
// shows them (`1,200`, `$1,200.50`, `99.9%`), booleans as spreadsheets write them, dates in any
// form a spreadsheet gives (an ambiguous one refused), enumerations in any case and with spaces
// (`In progress`), lists split on `;`. The value is then checked by the field's schema, so that
// a wrong one is refused where it was written, with the message `validate` would give.
import type * as z from 'zod';
import { splitSheetList } from '../text/sheet-list.js';
import { issuesToDrafts } from '../load/check/schema-issues.js';
import { schemaAt, unwrap } from '../load/check/schema-walk.js';
import type { Cell } from './sheet.js';
import { booleanOf, dateOf, shownNumber, type DateOrder } from './spreadsheet-values.js';
import { numberOf } from './values.js';

export interface ValueOptions {
  dateOrder?: DateOrder;
  /** By field: values as a source writes them (compared as enumKey does) -> the backlog's. */
  synonyms?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

type FieldValue = { value: unknown } | { problem: string; hint?: string };

interface Def {
  type: string;
  format?: string;
  entries?: Record<string, string>;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The cell as the value of `path` (`cores`, `target.region`) in an entity of `schema`. */
export function fieldValue(cell: Cell, schema: z.ZodType, path: readonly string[], options: ValueOptions = {}): FieldValue {
  const fieldSchema = schemaAt(schema, path);
  if (!fieldSchema) return { problem: `\`${path.join('.')}\` is not a field` };
  const converted = convert(cell, fieldSchema, path.join('.'), options);
  if ('problem' in converted) return converted;
  const result = fieldSchema.safeParse(converted.value, { reportInput: true });
  if (result.success) return converted;
  const [draft] = issuesToDrafts(result.error.issues, { schema: fieldSchema, location: { file: '', doc: 0, path: [] }, noun: path.join('.') });
  // zod names the value at the field itself by the noun given; inside a list, by its index.
  return { problem: draft!.message.replace(/^`([^`]*)`/, (_, name: string) => `\`${name.startsWith('[') ? `${path.join('.')}${name}` : name}\``), ...(draft!.hint ? { hint: draft!.hint } : {}) };
}

function convert(cell: Cell, schema: z.ZodType, field: string, options: ValueOptions): FieldValue {
  const def = defOf(unwrap(schema));
  const text = typeof cell === 'string' ? cell : undefined;
  switch (def.type) {
    case 'array': {
      const items = typeof cell === 'string' ? splitSheetList(cell) : [cell];
      const element = schemaAt(schema, [0])!;
      const values: unknown[] = [];
      for (const item of items) {
        const converted = convert(item, element, field, options);
        if ('problem' in converted) return converted;
        values.push(converted.value);
      }
      return { value: values };
    }
    case 'number': {
      const number = typeof cell === 'number' ? cell : shownNumber(String(cell));
      return number === undefined ? { problem: `\`${field}\` must be a number, not ${shown(cell)}` } : { value: number };
    }
    case 'boolean': {
      const value = booleanOf(cell);
      return value === undefined ? { problem: `\`${field}\` must be true or false, not ${shown(cell)}`, hint: 'write TRUE or FALSE (or Yes or No)' } : { value };
    }
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      const wanted = enumKey(String(cell));
      const value = values.find((option) => enumKey(option) === wanted) ?? options.synonyms?.[field]?.[wanted] ?? COMMON_SYNONYMS[field]?.[wanted];
      return value !== undefined ? { value } : { value: String(cell) };
    }
    case 'union': {
      // A metric's figure: a number when the cell is one or reads as one (`185,000`), else
      // text — `0042` too, as written.
      if (typeof cell === 'number') return { value: cell };
      const number = text === undefined || /^\s*-?0\d/.test(text) ? undefined : numberOf(text);
      return { value: number ?? String(cell) };
    }
    case 'string': {
      if (def.format !== 'date') return { value: String(cell) };
      const reading = dateOf(cell, options.dateOrder);
      if (!reading) return { value: String(cell) };
      if ('ambiguous' in reading) {
        return {
          problem: `\`${field}\`: ${shown(cell)} is ambiguous: ${reading.ambiguous[0]} (day first) or ${reading.ambiguous[1]} (month first)`,
          hint: 'say which with --date-format DMY or --date-format MDY',
        };
      }
      return { value: reading.date };
    }
    default:
      return { value: cell };
  }
}

const ENVIRONMENTS = { prod: 'production', prd: 'production', dev: 'development', qa: 'test', testing: 'test', stage: 'staging', uat: 'staging', 'pre-production': 'staging', preprod: 'staging', 'disaster-recovery': 'dr' };

/** What exports commonly write for the backlog's values, whatever the source. */
const COMMON_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  environment: ENVIRONMENTS,
  readiness: { 'ready-with-conditions': 'conditionally-ready', 'readiness-unknown': 'unknown' },
};

/** Enumeration values compared as people write them: `Mission Critical`, `mission_critical`, `IN PROGRESS`. */
function enumKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

function shown(cell: Cell): string {
  return typeof cell === 'string' ? (cell === '' ? 'empty text' : `\`${cell}\``) : `\`${String(cell)}\``;
}
