// `backlog report --history`: the KPIs as they were at dates from --since to today, read from
// the commits of the time. Each distinct commit is read once, and a file's content once
// whatever the commits it is in (commit-backlogs.ts).
import { UsageError } from '../errors.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { Backlog } from '../model/backlog.js';
import { firstServerFiguresOf, firstServers, inService } from '../model/server-figures.js';
import { stays } from '../model/status.js';
import { measures } from '../query/report.js';
import { commitBacklogs } from './commit-backlogs.js';
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
  /** The servers not decommissioned: what `percent_servers_migrated` is of. */
  servers_in_service: number;
  servers_migrated: number;
  percent_servers_migrated: number;
  workloads_rationalized: number;
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
  const figures = new Map<string, Figures>();
  let at = 0;
  for await (const backlog of commitBacklogs(repository, distinct, options.cache ? { cache: options.cache } : {})) figures.set(distinct[at++]!, figuresOf(backlog));
  return dates.map((date, i) => {
    const commit = commitOf[i]!;
    return { date, commit, ...(commit === null ? NOTHING : figures.get(commit)!) };
  });
}

type Figures = Omit<HistoryPoint, 'date' | 'commit'>;

const NOTHING: Figures = { workloads: 0, workloads_to_move: 0, workloads_migrated: 0, percent_workloads_migrated: 0, servers: 0, servers_in_service: 0, servers_migrated: 0, percent_servers_migrated: 0, workloads_rationalized: 0 };

function figuresOf(backlog: Backlog): Figures {
  const serverFigures = firstServerFiguresOf(backlog);
  const figures = measures(backlog, serverFigures);
  const workloads = [...backlog.byKey.workloads.values()];
  return {
    workloads: workloads.length,
    workloads_to_move: workloads.filter((w) => !stays(w)).length,
    workloads_migrated: figures['workloads-migrated'],
    percent_workloads_migrated: figures['percent-workloads-migrated'],
    servers: backlog.byKey.servers.size,
    servers_in_service: inService(serverFigures, firstServers(serverFigures)).length,
    servers_migrated: figures['servers-migrated'],
    percent_servers_migrated: figures['percent-servers-migrated'],
    workloads_rationalized: figures['workloads-rationalized'],
  };
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
