// --where FIELD OP VALUE: `=` `!=` `<` `<=` `>` `>=` and `~` (contains); a comma-separated
// VALUE means any of them. Text compares without case, numbers as numbers, dates as dates.
import { UsageError } from '../errors.js';
import { isIsoDate } from '../text/iso-date.js';

const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '~'] as const;
type Operator = (typeof OPERATORS)[number];

export interface Condition {
  field: string;
  operator: Operator;
  values: string[];
}

const CONDITION = /^\s*([A-Za-z0-9_.-]+)\s*(!=|<=|>=|=|<|>|~)\s*(.*?)\s*$/;

export function parseCondition(text: string): Condition {
  const match = CONDITION.exec(text);
  if (!match) {
    throw new UsageError(`--where ${JSON.stringify(text)}: write FIELD OP VALUE, e.g. status=ready, cores>=8, name~crm`, `the operators are ${OPERATORS.join(' ')}`);
  }
  const [, field, operator, value] = match as unknown as [string, string, Operator, string];
  const values = value.split(',').map((v) => v.trim());
  if (values.length > 1 && operator !== '=' && operator !== '!=' && operator !== '~') {
    throw new UsageError(`--where ${text}: \`${operator}\` compares with one value, not a list`);
  }
  return { field, operator, values };
}

/** What a field holds, when the format says: numbers order as numbers, dates as days. */
export type ValueKind = 'number' | 'date';

/**
 * A usage error for an order (`<` ...) against a VALUE the field's values cannot be ordered
 * with — `cores>abc`, a date that is no date — checked before any entity is read, so that the
 * answer does not depend on the data. Fields of no known kind (x- fields, text) order as text.
 */
export function checkOrderValue(condition: Condition, kind: ValueKind | undefined): void {
  const { field, operator, values } = condition;
  if (operator === '=' || operator === '!=' || operator === '~') return;
  const value = values[0]!;
  if (kind === 'number' && (value.trim() === '' || Number.isNaN(Number(value)))) {
    throw new UsageError(`--where ${field}${operator}${value}: \`${field}\` is a number, and \`${value}\` is not one`);
  }
  if (kind === 'date' && dayOrPart(value) === undefined) {
    throw new UsageError(`--where ${field}${operator}${value}: \`${field}\` is a date, and \`${value}\` is not one`, 'write a date as YYYY-MM-DD (or a month, YYYY-MM, or a year)');
  }
}

/** Whether a field's value satisfies the condition. A missing value equals only the empty VALUE. */
export function satisfies(value: unknown, condition: Condition, kind?: ValueKind): boolean {
  const { operator, values } = condition;
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  switch (operator) {
    case '=':
      return items.length === 0 ? values.includes('') : items.some((item) => values.some((v) => equal(item, v)));
    case '!=':
      return !satisfies(value, { ...condition, operator: '=' }, kind);
    case '~':
      return items.some((item) => values.some((v) => text(item).includes(v.toLowerCase())));
    default:
      return items.some((item) => {
        const order = kind === 'date' && typeof item === 'string' ? compareDays(item, dayOrPart(values[0]!)!) : compareWith(item, values[0]!);
        return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
      });
  }
}

/**
 * A day, month or year as written (`2026-07-01`, `2026-07`, `2026`); a time after a day is
 * dropped (`2026-07-01T09:00`: dates are days). Undefined when it is no date.
 */
function dayOrPart(text: string): string | undefined {
  const value = /^\d{4}-\d{2}-\d{2}T/.test(text) ? text.slice(0, 10) : text.trim();
  const day = /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : /^\d{4}$/.test(value) ? `${value}-01-01` : value;
  return isIsoDate(day) ? value : undefined;
}

/** A day against a day, month or year: `2026-05-01` is within `2026`, so `<= 2026` holds for it. */
function compareDays(day: string, value: string): number {
  const part = day.slice(0, value.length);
  return part < value ? -1 : part > value ? 1 : 0;
}

function equal(item: unknown, value: string): boolean {
  if (typeof item === 'number') return value.trim() !== '' && Number(value) === item;
  return text(item) === value.toLowerCase();
}

function compareWith(item: unknown, value: string): number {
  if (typeof item === 'number' && value.trim() !== '' && !Number.isNaN(Number(value))) return item - Number(value);
  const a = text(item);
  const b = value.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function text(value: unknown): string {
  return (typeof value === 'object' ? JSON.stringify(value) : String(value)).toLowerCase();
}
