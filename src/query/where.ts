// --where FIELD OP VALUE: `=` `!=` `<` `<=` `>` `>=` and `~` (contains); a comma-separated
// VALUE means any of them. Text compares without case, numbers as numbers, dates as dates.
import { UsageError } from '../errors.js';

export const OPERATORS = ['!=', '<=', '>=', '=', '<', '>', '~'] as const;
export type Operator = (typeof OPERATORS)[number];

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

/**
 * Whether a field's value satisfies the condition. A missing value equals only the empty VALUE.
 * An order (`<` ...) against a VALUE the field's values cannot be ordered with — `cores>abc`,
 * a date that is no date — is a usage error, not a silent "none".
 */
export function satisfies(value: unknown, condition: Condition): boolean {
  const { operator, values } = condition;
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  switch (operator) {
    case '=':
      return items.length === 0 ? values.includes('') : items.some((item) => values.some((v) => equal(item, v)));
    case '!=':
      return !satisfies(value, { ...condition, operator: '=' });
    case '~':
      return items.some((item) => values.some((v) => text(item).includes(v.toLowerCase())));
    default:
      return items.some((item) => {
        checkComparable(item, condition);
        const order = compareWith(item, values[0]!);
        return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
      });
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkComparable(item: unknown, { field, operator, values }: Condition): void {
  const value = values[0]!;
  if (typeof item === 'number' && (value.trim() === '' || Number.isNaN(Number(value)))) {
    throw new UsageError(`--where ${field}${operator}${value}: \`${field}\` is a number, and \`${value}\` is not one`);
  }
  if (typeof item === 'string' && ISO_DATE.test(item) && !isDate(value)) {
    throw new UsageError(`--where ${field}${operator}${value}: \`${field}\` is a date, and \`${value}\` is not one`, 'write a date as YYYY-MM-DD (or a month, YYYY-MM, or a year)');
  }
}

/** A day, or a month or year (`2026-07`, `2026`: dates compare as text, so these order too). */
function isDate(text: string): boolean {
  const day = /^\d{4}-\d{2}$/.test(text) ? `${text}-01` : /^\d{4}$/.test(text) ? `${text}-01-01` : text;
  return ISO_DATE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
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
