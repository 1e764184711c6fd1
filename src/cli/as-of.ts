import { UsageError } from '../errors.js';
import { isIsoDate } from '../text/iso-date.js';

/** "Today" for date rules: --as-of, else BACKLOG_AS_OF, else the local date. */
export function resolveAsOf(flag: string | undefined, env: Readonly<Record<string, string | undefined>>, now = new Date()): string {
  const given = flag ?? env.BACKLOG_AS_OF;
  if (given !== undefined && given !== '') {
    if (!isIsoDate(given)) {
      throw new UsageError(`${flag !== undefined ? '--as-of' : 'BACKLOG_AS_OF'} ${given}: not a date, write YYYY-MM-DD`);
    }
    return given;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
