import { UsageError } from '../errors.js';
import { isIsoDate } from '../text/iso-date.js';

/** "Today" for date rules: --as-of, else BACKLOG_AS_OF, else the local date. */
export function resolveAsOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, now = new Date()): string {
  const given = flag ?? env.BACKLOG_AS_OF;
  if (given !== undefined && given !== '') return checkedDate(flag !== undefined ? '--as-of' : 'BACKLOG_AS_OF', given);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date an option (or variable) gives, refused by its name when it is not YYYY-MM-DD. */
export function checkedDate(name: string, given: string): string {
  if (!isIsoDate(given)) throw new UsageError(`${name} ${given}: not a date, write YYYY-MM-DD`);
  return given;
}
