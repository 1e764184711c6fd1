// A table for a pull-request comment or a job summary.
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import { plural } from '../../text/list.js';
import { codeSpan, inertMessage } from '../shared/markdown-text.js';
import { countBySeverity, describeCounts } from './severity-counts.js';
import type { ValidationFormatter } from './types.js';

/** A comment must stay well under GitHub's 65,536 characters. */
const MARKDOWN_ROW_LIMIT = 200;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

export const markdown: ValidationFormatter = (report, context) => {
  const counts = countBySeverity(report.diagnostics);
  const checked = `${plural(report.files.length, 'file')}, ${plural(report.entities, 'entity', 'entities')}`;
  if (report.diagnostics.length === 0) return `### backlog validate\n\n✅ No problems (${checked}).\n`;
  const lines = [
    '### backlog validate',
    '',
    `**${describeCounts(counts)}** in ${checked}.`,
    '',
    '| Severity | Code | Location | Message |',
    '| --- | --- | --- | --- |',
  ];
  for (const d of report.diagnostics.slice(0, MARKDOWN_ROW_LIMIT)) {
    const file = context.pathPrefix + d.file;
    const location = d.line !== undefined ? `${file}:${d.line}:${d.column}` : file;
    const message = d.hint ? `${d.message} — ${d.hint}` : d.message;
    lines.push(`| ${ICON[d.severity]} ${d.severity} | \`${d.code}\` | ${codeSpan(location, 'table')} | ${inertMessage(message, 'table')} |`);
  }
  const rest = report.diagnostics.length - MARKDOWN_ROW_LIMIT;
  if (rest > 0) lines.push('', `… and ${plural(rest, 'more finding')}; run \`backlog validate\` to see them all.`);
  return `${lines.join('\n')}\n`;
};
