// The formats of `backlog report` by the name `-f` takes: of the report, and of the KPIs over
// time (--history). The HTML page shows both, and is loaded apart (html/page.ts): its layout
// library is large.
import type { ChalkInstance } from 'chalk';
import type { HistoryPoint, Interval } from '../../git/kpi-history.js';
import type { Report } from '../../query/report.js';
import type { HistoryFormat, ReportFormat } from './formats.js';
import { historyChart } from './history-chart.js';
import { historyCsv } from './history-csv.js';
import { historyJson } from './history-json.js';
import { reportJson } from './json.js';
import { reportMarkdown } from './markdown.js';
import { reportText } from './text.js';

export const REPORT_FORMATTERS: Record<ReportFormat, (report: Report, style: ChalkInstance, columns?: number) => string> = { text: reportText, markdown: reportMarkdown, json: reportJson };

export const HISTORY_FORMATTERS: Record<HistoryFormat, (points: HistoryPoint[], every: Interval, style: ChalkInstance) => string> = {
  text: historyChart,
  json: historyJson,
  csv: historyCsv,
};
