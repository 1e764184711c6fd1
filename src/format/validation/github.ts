// GitHub Actions workflow commands: one annotation per finding on the pull request. GitHub
// shows at most 10 annotations of each kind per step, so the rest are counted in one line.
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import { plural } from '../../text/list.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { printable } from '../../text/printable.js';
import type { ValidationFormatter } from './types.js';

const GITHUB_ANNOTATION_LIMIT = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: ValidationFormatter = (report, context) => {
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const hidden: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  for (const diagnostic of report.diagnostics) {
    if (shown[diagnostic.severity] >= GITHUB_ANNOTATION_LIMIT) {
      hidden[diagnostic.severity] += 1;
      continue;
    }
    shown[diagnostic.severity] += 1;
    lines.push(annotation(diagnostic, context.pathPrefix + diagnostic.file));
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    if (hidden[severity] > 0) {
      lines.push(
        `${plural(hidden[severity], `more ${severity}`, `more ${severity}s`)} not annotated (GitHub shows ${GITHUB_ANNOTATION_LIMIT} of each kind): see the job summary, or run \`backlog validate\``,
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};

function annotation(d: Diagnostic, file: string): string {
  const properties = [`file=${escapeProperty(file)}`];
  if (d.line !== undefined) properties.push(`line=${d.line}`, `col=${d.column}`);
  if (d.endLine !== undefined) properties.push(`endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
  properties.push(`title=${escapeProperty(d.code)}`);
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column}` : file;
  const text = printable(`${where} ${d.message}${d.hint ? ` — ${d.hint}` : ''}`);
  return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(text)}`;
}

/** GitHub's escaping of a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command's property values. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
