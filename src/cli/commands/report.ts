// `backlog report`: progress and KPIs as text (with bars), markdown or json.
import { reportMarkdown } from '../../format/report-markdown.js';
import { reportText } from '../../format/report-text.js';
import { buildReport } from '../../query/report.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog } from '../open-backlog.js';

export async function runReport(options: { root?: string; format: 'text' | 'markdown' | 'json'; asOf?: string; color?: boolean }, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const { context } = await openBacklog(io, options.root);
  const report = buildReport(context, asOf);
  if (options.format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'markdown') io.stdout(reportMarkdown(report));
  else io.stdout(reportText(report, createStyle(colourEnabled(io, options.color))));
  return 0;
}
