// `backlog report --history`: the KPIs as they were at dates from --since to today, read from
// the commits of the time. Each distinct commit is read once; files that did not change
// between samples are parsed once.
import { UsageError } from '../errors.js';
import type { SourceFile } from '../load/types.js';
import { measures } from '../query/report.js';
import { stays } from '../model/status.js';
import type { ParseCache } from '../load/parse-cache.js';
import { backlogAt } from './backlog-at.js';
import { run, type Repository } from './repository.js';

export type Interval = 'day' | 'week' | 'month';

export interface HistoryPoint {
  date: string;
  /** The commit the backlog is read from: the last one on or before the date; null before the first. */
  commit: string | null;
  workloads: number;
  workloads_to_move: number;
  workloads_migrated: number;
  percent_workloads_migrated: number;
  servers: number;
  servers_migrated: number;
  percent_servers_migrated: number;
  workloads_rationalized: number;
}

export async function kpiHistory(repository: Repository, root: string, options: { since?: string; every: Interval; today: string; cache?: ParseCache }): Promise<HistoryPoint[]> {
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
  const memo = new Map<string, SourceFile>();
  const byCommit = new Map<string, HistoryPoint>();
  const points: HistoryPoint[] = [];
  for (const date of dates) {
    // Newest first: the first commit on or before the date.
    const commit = commits.find((c) => c.date <= date)?.commit ?? null;
    if (commit === null) {
      points.push({ date, commit, workloads: 0, workloads_to_move: 0, workloads_migrated: 0, percent_workloads_migrated: 0, servers: 0, servers_migrated: 0, percent_servers_migrated: 0, workloads_rationalized: 0 });
      continue;
    }
    let point = byCommit.get(commit);
    if (!point) {
      const { result } = await backlogAt(repository, commit, root, { asOf: date, memo, ...(options.cache ? { cache: options.cache } : {}) });
      const figures = measures({ backlog: result.backlog, graph: result.graph });
      const workloads = [...result.backlog.byKey.workloads.values()];
      point = {
        date,
        commit,
        workloads: workloads.length,
        workloads_to_move: workloads.filter((w) => !stays(w)).length,
        workloads_migrated: figures['workloads-migrated'],
        percent_workloads_migrated: figures['percent-workloads-migrated'],
        servers: result.backlog.byKey.servers.size,
        servers_migrated: figures['servers-migrated'],
        percent_servers_migrated: figures['percent-servers-migrated'],
        workloads_rationalized: figures['workloads-rationalized'],
      };
      byCommit.set(commit, point);
    }
    points.push({ ...point, date });
  }
  return points;
}

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
