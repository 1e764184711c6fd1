// The default terminal format: findings grouped by file, each with a code frame, then a summary.
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import { groupBy } from '../../model/group.js';
import { plural } from '../../text/list.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { printable } from '../../text/printable.js';
import { codeFrame } from './code-frame.js';
import { countBySeverity, describeCounts } from './severity-counts.js';
import type { ValidationContext, ValidationFormatter } from './types.js';

export const stylish: ValidationFormatter = (report, context) => {
  const { style } = context;
  const byFile = groupBy(report.diagnostics, (diagnostic) => diagnostic.file);
  const blocks: string[] = [];
  for (const [file, diagnostics] of byFile) {
    const lines = [style.underline(printable(file))];
    for (const diagnostic of diagnostics) lines.push(findingBlock(diagnostic, context));
    blocks.push(lines.join('\n'));
  }
  const counts = countBySeverity(report.diagnostics);
  const checked = `${plural(report.files.length, 'file')}, ${plural(report.entities, 'entity', 'entities')}`;
  const total = report.diagnostics.length;
  const summary =
    total === 0
      ? style.green(`✔ no problems (${checked})`)
      : (counts.error > 0 ? style.red.bold : counts.warning > 0 ? style.yellow.bold : style.blue.bold)(
          `✖ ${plural(total, 'problem')} (${describeCounts(counts)}); checked ${checked}`,
        );
  return [...blocks, summary].join('\n\n') + '\n';
};

const SEVERITY_STYLE: Record<Severity, (context: ValidationContext, text: string) => string> = {
  error: ({ style }, text) => style.red(text),
  warning: ({ style }, text) => style.yellow(text),
  info: ({ style }, text) => style.blue(text),
};

function findingBlock(diagnostic: Diagnostic, context: ValidationContext): string {
  const { style } = context;
  const place = diagnostic.line !== undefined ? `${diagnostic.line}:${diagnostic.column}` : '-';
  const head = `  ${style.dim(place)}  ${SEVERITY_STYLE[diagnostic.severity](context, diagnostic.severity)}  ${printable(diagnostic.message)}  ${style.dim(diagnostic.code)}`;
  const parts = [head];
  const source = context.sources.get(diagnostic.file);
  if (source !== undefined && diagnostic.line !== undefined && diagnostic.column !== undefined) {
    const frame = codeFrame(source, { line: diagnostic.line, column: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn }, style, diagnostic.severity);
    if (frame) parts.push(indent(frame, 4));
  }
  if (diagnostic.hint) parts.push(`    ${style.cyan('hint:')} ${printable(diagnostic.hint)}`);
  for (const related of diagnostic.related ?? []) {
    const where = related.line !== undefined ? `${related.file}:${related.line}:${related.column}` : related.file;
    parts.push(`    ${style.dim(`see ${printable(where)}`)}`);
  }
  return parts.join('\n');
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
