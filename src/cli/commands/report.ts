// `backlog report`: progress and KPIs as text (with bars), markdown or json; with --history,
// the KPIs over time from the git history, as a burn-up, csv or json.
import { historyChart } from '../../format/history-chart.js';
import { historyJson, reportJson } from '../../format/report-json.js';
import { reportMarkdown } from '../../format/report-markdown.js';
import { reportText } from '../../format/report-text.js';
import { csv } from '../../format/rows/csv.js';
import { kpiHistory, type HistoryPoint, type Interval } from '../../git/kpi-history.js';
import { openRepository, shallowHistoryWarning } from '../../git/repository.js';
import { UsageError } from '../../errors.js';
import { buildReport } from '../../query/report.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { backlogRoot } from '../backlog-root.js';
import { openForQuery } from '../open-backlog.js';
import { parseCacheOf } from '../caching.js';

export interface ReportOptions {
  root?: string;
  format: 'text' | 'markdown' | 'json' | 'csv';
  asOf?: string;
  color?: boolean;
  history?: boolean;
  since?: string;
  every: Interval;
}

export async function runReport(options: ReportOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const style = createStyle(colourEnabled(io, options.color));
  if (options.history) return runHistory(options, asOf, style, io);
  if (options.format === 'csv') throw new UsageError('csv is for --history; the report is text, markdown or json');
  const { context } = await openForQuery(io, options.root);
  const report = buildReport(context, asOf);
  if (options.format === 'json') io.stdout(reportJson(report));
  else if (options.format === 'markdown') io.stdout(reportMarkdown(report));
  else io.stdout(reportText(report, style));
  return 0;
}

async function runHistory(options: ReportOptions, today: string, style: ReturnType<typeof createStyle>, io: CliIO): Promise<number> {
  if (options.since !== undefined) resolveAsOf(options.since, {}); // the same date check as --as-of
  const root = await backlogRoot(io, options.root);
  const repository = await openRepository(root);
  const cache = parseCacheOf(io, root);
  const points = await kpiHistory(repository, root, { every: options.every, today, ...(cache ? { cache } : {}), ...(options.since ? { since: options.since } : {}) });
  await cache?.save('all');
  if (options.format === 'json') io.stdout(historyJson(points, options.every));
  else if (options.format === 'csv') {
    const columns = Object.keys(points[0] ?? {}) as Array<keyof HistoryPoint>;
    io.stdout(csv({ columns, rows: points as unknown as Array<Record<string, unknown>>, idColumn: 'date' }, { style, columns: undefined }));
  } else if (options.format === 'markdown') throw new UsageError('the history is text, csv or json');
  else io.stdout(historyChart(points, options.every, style));
  const warning = await shallowHistoryWarning(repository);
  if (warning) io.stderr(warning);
  return 0;
}
