// The validation findings, by severity, each with its place in the files: where the header's
// counts link to.
import type { Diagnostic } from '../../../../model/diagnostic.js';
import { escapeHtml } from '../escape.js';
import { plainNumber, sectionStart, table, valueText } from '../parts.js';

/** The most findings listed per severity: `backlog validate` lists them all. */
const MOST_LISTED = 200;

const SEVERITIES = [
  ['error', 'Errors', 'errors'],
  ['warning', 'Warnings', 'warnings'],
  ['info', 'Information', 'infos'],
] as const;

export function findingsSection(findings: readonly Diagnostic[]): string {
  const parts = SEVERITIES.map(([severity, title, anchor]) => {
    const all = findings.filter((finding) => finding.severity === severity);
    const shown = all.slice(0, MOST_LISTED);
    const rows = shown.map((f) => [
      `<code>${escapeHtml(f.code)}</code>`,
      `${escapeHtml(f.message)}${f.hint ? `<span class="sub">hint: ${escapeHtml(f.hint)}</span>` : ''}`,
      escapeHtml([f.file, f.line, f.column].filter((part) => part !== undefined).join(':')),
      valueText(f.entity),
    ]);
    const more = all.length - shown.length;
    return (
      `<h3 id="findings-${anchor}">${title} (${plainNumber(all.length)})</h3>` +
      (rows.length > 0 ? table(`${title} found by backlog validate`, ['Code', 'Message', 'Where', 'Entity'], rows, 'findings') : '<p class="none-found">None.</p>') +
      (more > 0 ? `<p class="more">and ${plainNumber(more)} more: <code>backlog validate</code> lists them all.</p>` : '')
    );
  });
  return sectionStart('findings', 'Validation findings') + parts.join('') + '</section>';
}
