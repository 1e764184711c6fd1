// The left side of `set` assignments: `priority`, `target.region`, `metrics[0].current`,
// `metrics[cost-per-vm].current`, `x-a.b.c`; and the operator after it: `=`, `+=` (add to a list)
// or `-=` (remove from it).
import { UsageError } from '../errors.js';

type PathStep = { field: string } | { index: number } | { id: string };
type AssignmentOperator = '=' | '+=' | '-=';

export interface ParsedAssignment {
  /** As written, for messages. */
  text: string;
  /** The left side as written. */
  target: string;
  steps: PathStep[];
  operator: AssignmentOperator;
  /** The right side, as text. */
  raw: string;
}

const STEP = /^(?:\.?([^.[\]]+)|\[([^[\]]+)\])/;

export function parseAssignment(text: string): ParsedAssignment {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new UsageError(`\`${text}\`: write FIELD=VALUE, e.g. priority=high, tags=a,b, tags+=c, owner=null`);
  const operator: AssignmentOperator = text[equals - 1] === '+' ? '+=' : text[equals - 1] === '-' ? '-=' : '=';
  const target = text.slice(0, operator === '=' ? equals : equals - 1).trim();
  const steps: PathStep[] = [];
  for (let rest = target; rest !== ''; ) {
    const match = STEP.exec(rest);
    // A field name first; later a `.name` or an `[index]`.
    if (!match || (steps.length === 0 && (match[2] !== undefined || rest.startsWith('.')))) throw badPath(text);
    if (match[1] !== undefined) steps.push({ field: match[1] });
    else steps.push(/^\d+$/.test(match[2]!) ? { index: Number(match[2]) } : { id: match[2]! });
    rest = rest.slice(match[0].length);
  }
  if (steps.length === 0) throw badPath(text);
  return { text, target, steps, operator, raw: text.slice(equals + 1) };
}

function badPath(text: string): UsageError {
  return new UsageError(`\`${text}\`: write FIELD=VALUE with FIELD as name, name.inner, list[2].name or list[id].name`);
}
