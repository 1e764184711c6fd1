// `backlog report`: progress and KPIs as text (with bars), markdown, json, or an HTML page
// (the dashboard); with --history, the KPIs over time from the git history, as a burn-up, csv
// or json, or in the page. -o writes it to a file.
import { isHistoryFormat, isReportFormat, type HistoryFormat, type ReportFormat } from '../../format/report/formats.js';
import { HISTORY_FORMATTERS, REPORT_FORMATTERS } from '../../format/report/index.js';
import { builtFrom } from '../../git/built-from.js';
import { kpiHistory, type HistoryPoint, type Interval } from '../../git/kpi-history.js';
import { shallowHistoryWarning, withRepository } from '../../git/repository.js';
import { UsageError } from '../../errors.js';
import { backlogTable } from '../../query/dashboard/backlog-table.js';
import { buildDashboard, inPriorityOrder } from '../../query/dashboard/dashboard.js';
import { dependencyPictures } from '../../query/dashboard/dependency-pictures.js';
import { buildReport } from '../../query/report.js';
import { findingsKept } from '../../validate/validate.js';
import { checkedDate, resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { backlogRoot } from '../backlog-root.js';
import { openForQuery, type QueriedBacklog } from '../open-backlog.js';
import { parseCacheOf } from '../caching.js';
import type { ParseCache } from '../../load/parse-cache.js';
import { toolVersion } from '../version.js';
import { writeOutput } from '../write-output.js';

export interface ReportOptions {
  root?: string;
  format: ReportFormat | HistoryFormat | 'html';
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
  const write = (text: string) => writeOutput(io, text, { file: options.output });
  if (options.format === 'html') {
    write(await dashboardPage(options, asOf, io));
    return 0;
  }
  if (options.history) {
    if (!isHistoryFormat(options.format)) throw new UsageError('the history is text, csv, json or html');
    write(HISTORY_FORMATTERS[options.format](await history(options, asOf, io), options.every, style));
    return 0;
  }
  if (!isReportFormat(options.format)) throw new UsageError('csv is for --history; the report is text, markdown, json or html');
  const { context, kept } = await openForQuery(io, options.root);
  // The report follows from the model and the day alone: kept with the snapshot, for each day.
  const report = kept(`report.${asOf}`, () => buildReport(context, asOf));
  // Prose keeps within the terminal's width; a file keeps each line whole.
  write(REPORT_FORMATTERS[options.format](report, style, options.output === undefined ? io.columns : undefined));
  return 0;
}

/** The dashboard: the backlog, its findings, the commit it is at, and with --history the KPIs over time. */
async function dashboardPage(options: ReportOptions, asOf: string, io: CliIO): Promise<string> {
  const root = await backlogRoot(io, options.root);
  // git answers while the backlog loads.
  const source = builtFrom(root);
  const points = options.history ? await history(options, asOf, io) : undefined;
  const opened = await openForQuery(io, root);
  const diagnostics = findingsKept(() => ({ ...opened.read, ...opened.context }), { asOf }, placeable(opened), (compute) => opened.kept('findings', compute));
  const dashboard = buildDashboard(opened.context, { asOf, diagnostics });
  // The page and its layout library load only for the page.
  const { modelParts, reportHtml } = await import('../../format/report/html/page.js');
  // The largest parts of the page, the same on any day: kept with the snapshot.
  const { context } = opened;
  const parts = opened.kept('page-parts', () => modelParts(backlogTable(context, inPriorityOrder(context.backlog)), dependencyPictures(context), dashboard.waves));
  return reportHtml({ dashboard, builtFrom: await source, history: points, parts }, { toolVersion: toolVersion() });
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
  if (options.since !== undefined) checkedDate('--since', options.since);
  const root = await backlogRoot(io, options.root);
  let cache: ParseCache | undefined;
  const openCache = () => (cache ??= parseCacheOf(io, root));
  const [points, warning] = await withRepository(root, async (repository) => [await kpiHistory(repository, { every: options.every, today, cache: openCache, ...(options.since ? { since: options.since } : {}) }), await shallowHistoryWarning(repository)] as const);
  await cache?.save('all');
  if (warning) io.stderr(warning);
  return points;
}
