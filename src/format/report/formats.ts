// The names `backlog report -f` takes, kept apart from the formatters so that they load only
// when used: the report's formats, the history's (--history), and the HTML page that shows both.
const REPORT_FORMATS = ['text', 'markdown', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const HISTORY_FORMATS = ['text', 'json', 'csv'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export const REPORT_COMMAND_FORMATS = [...new Set([...REPORT_FORMATS, ...HISTORY_FORMATS]), 'html'] as const;

export function isReportFormat(name: string): name is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(name);
}

export function isHistoryFormat(name: string): name is HistoryFormat {
  return (HISTORY_FORMATS as readonly string[]).includes(name);
}
