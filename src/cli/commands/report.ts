// `backlog report`: progress and KPIs as text (with bars), markdown, json, or an HTML page
// (the dashboard); with --history, the KPIs over time from the git history, as a burn-up, csv
// or json, or in the page. -o writes it to a file.
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { historyChart } from '../../format/history-chart.js';
import { historyJson, reportJson } from '../../format/report-json.js';
import { reportMarkdown } from '../../format/report-markdown.js';
import { reportText } from '../../format/report-text.js';
import { csv } from '../../format/rows/csv.js';
import { builtFrom } from '../../git/built-from.js';
import { kpiHistory, type HistoryPoint, type Interval } from '../../git/kpi-history.js';
import { openRepository, shallowHistoryWarning } from '../../git/repository.js';
import { UsageError } from '../../errors.js';
import { buildDashboard } from '../../query/dashboard/dashboard.js';
import { buildReport } from '../../query/report.js';
import { findings } from '../../validate/validate.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { backlogRoot } from '../backlog-root.js';
import { openForQuery, type QueriedBacklog } from '../open-backlog.js';
import { parseCacheOf } from '../caching.js';
import type { ParseCache } from '../../load/parse-cache.js';
import { toolVersion } from '../version.js';

export interface ReportOptions {
  root?: string;
  format: 'text' | 'markdown' | 'json' | 'csv' | 'html';
  asOf?: string;
  color?: boolean;
  history?: boolean;
  since?: string;
  every: Interval;
  output?: string;
}

export async function runReport(options: ReportOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  // Colour only on a terminal: never in a file.
  const style = createStyle(options.output === undefined && colourEnabled(io, options.color));
  const write = (text: string) => (options.output === undefined ? io.stdout(text) : writeFileAtomic(resolve(io.cwd, options.output), text));
  if (options.format === 'html') {
    write(await dashboardPage(options, asOf, io));
    return 0;
  }
  if (options.history) {
    const points = await history(options, asOf, io);
    if (options.format === 'json') write(historyJson(points, options.every));
    else if (options.format === 'csv') {
      const columns = Object.keys(points[0] ?? {}) as Array<keyof HistoryPoint>;
      write(csv({ columns, rows: points as unknown as Array<Record<string, unknown>>, idColumn: 'date' }, { style, columns: undefined }));
    } else if (options.format === 'markdown') throw new UsageError('the history is text, csv, json or html');
    else write(historyChart(points, options.every, style));
    return 0;
  }
  if (options.format === 'csv') throw new UsageError('csv is for --history; the report is text, markdown, json or html');
  const { context } = await openForQuery(io, options.root);
  const report = buildReport(context, asOf);
  if (options.format === 'json') write(reportJson(report));
  else if (options.format === 'markdown') write(reportMarkdown(report));
  else write(reportText(report, style));
  return 0;
}

/** The dashboard: the backlog, its findings, the commit it is at, and with --history the KPIs over time. */
async function dashboardPage(options: ReportOptions, asOf: string, io: CliIO): Promise<string> {
  const root = await backlogRoot(io, options.root);
  // git answers while the backlog loads.
  const source = builtFrom(root);
  const points = options.history ? await history(options, asOf, io) : undefined;
  const opened = await openForQuery(io, root);
  const diagnostics = findings({ ...opened.read, ...opened.context }, { asOf }, placeable(opened));
  const dashboard = buildDashboard(opened.context, { asOf, diagnostics });
  // The page and its layout library load only for the page.
  const { reportHtml } = await import('../../format/report/html/page.js');
  return reportHtml({ dashboard, builtFrom: await source, history: points }, { toolVersion: toolVersion() });
}

/** The files' texts for placing findings; a file gone since it was read places nothing. */
function placeable({ sourceOf }: QueriedBacklog) {
  return {
    get: (path: string) => {
      try {
        return sourceOf(path);
      } catch {
        return undefined;
      }
    },
  };
}

/** The KPIs over time from the git history; a word on stderr when the clone is shallow. */
async function history(options: ReportOptions, today: string, io: CliIO): Promise<HistoryPoint[]> {
  if (options.since !== undefined) resolveAsOf(options.since, {}); // the same date check as --as-of
  const root = await backlogRoot(io, options.root);
  const repository = await openRepository(root);
  let cache: ParseCache | undefined;
  const openCache = () => (cache ??= parseCacheOf(io, root));
  const points = await kpiHistory(repository, { every: options.every, today, cache: openCache, ...(options.since ? { since: options.since } : {}) });
  await cache?.save('all');
  const warning = await shallowHistoryWarning(repository);
  if (warning) io.stderr(warning);
  return points;
}
