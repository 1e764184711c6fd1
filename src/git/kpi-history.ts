// `backlog report --history`: the KPIs as they were at dates from --since to today, read from
// the commits of the time. Each distinct commit is read once, and a file's content once
// whatever the commits it is in (commit-backlogs.ts).
import { UsageError } from '../errors.js';
import type { ParseCache } from '../load/parse-cache.js';
import { commitBacklogs } from './commit-backlogs.js';
import { KpiTally, type KpiFigures } from './kpi-tally.js';
import { run, type Repository } from './repository.js';

export type Interval = 'day' | 'week' | 'month';

/** What the figures count (kpi-tally.ts): the other collections are not read. */
const KPI_COLLECTIONS = ['workloads', 'servers'] as const;

export interface HistoryPoint extends KpiFigures {
  date: string;
  /** The commit the backlog is read from: the last one on or before the date; null before the first. */
  commit: string | null;
}

export async function kpiHistory(repository: Repository, options: { since?: string; every: Interval; today: string; cache?: () => ParseCache | undefined }): Promise<HistoryPoint[]> {
  const pathspec = repository.prefix === '' ? '.' : repository.prefix;
  const log = await run(repository, ['log', '--first-parent', '--format=%H %cs', 'HEAD', '--', pathspec]);
  const commits = log
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date] = line.split(' ') as [string, string];
      return { commit, date };
    });
  if (commits.length === 0) throw new UsageError('no commit touches the backlog yet: there is no history to report');
  const since = options.since ?? commits.at(-1)!.date;
  const dates = sampleDates(since, options.today, options.every);
  // Newest first: the first commit on or before each date.
  const commitOf = dates.map((date) => commits.find((c) => c.date <= date)?.commit ?? null);
  const distinct = [...new Set(commitOf.filter((commit) => commit !== null))];
  const figures = new Map<string, KpiFigures>();
  const tally = new KpiTally();
  let at = 0;
  for await (const _ of commitBacklogs(repository, distinct, KPI_COLLECTIONS, { firstChanged: tally.change, ...(options.cache ? { cache: options.cache } : {}) })) figures.set(distinct[at++]!, tally.figures());
  return dates.map((date, i) => {
    const commit = commitOf[i]!;
    return { date, commit, ...(commit === null ? NOTHING : figures.get(commit)!) };
  });
}

const NOTHING: KpiFigures = { workloads: 0, workloads_to_move: 0, workloads_migrated: 0, percent_workloads_migrated: 0, servers: 0, servers_in_service: 0, servers_migrated: 0, percent_servers_migrated: 0, workloads_rationalized: 0 };

/** From `since` to `until`, every day, week or month (calendar months: the same day, or the month's last). */
export function sampleDates(since: string, until: string, every: Interval): string[] {
  const dates: string[] = [];
  const start = new Date(`${since}T00:00:00Z`);
  for (let step = 0; ; step++) {
    const date = new Date(start);
    if (every === 'day') date.setUTCDate(start.getUTCDate() + step);
    else if (every === 'week') date.setUTCDate(start.getUTCDate() + 7 * step);
    else {
      date.setUTCDate(1);
      date.setUTCMonth(start.getUTCMonth() + step);
      const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      date.setUTCDate(Math.min(start.getUTCDate(), last));
    }
    const text = date.toISOString().slice(0, 10);
    if (text > until) break;
    dates.push(text);
  }
  if (dates.at(-1) !== until && since <= until) dates.push(until);
  return dates;
}
