// The page's header: what the backlog is, the date it speaks as of, the commit it was built
// from, and whether it validates (each count a link to its findings).
import type { BuiltFrom } from '../../../../git/built-from.js';
import type { Dashboard } from '../../../../query/dashboard/dashboard.js';
import { plural } from '../../../../text/list.js';
import { escapeHtml } from '../escape.js';
import { plainNumber } from '../parts.js';

export const DEFAULT_TITLE = 'Migration backlog';

export function headerSection(dashboard: Dashboard, source: BuiltFrom | undefined): string {
  const { validation, report } = dashboard;
  const counts = [
    [validation.errors, 'error', 'errors'],
    [validation.warnings, 'warning', 'warnings'],
    [validation.infos, 'info', 'infos'],
  ] as const;
  const found = counts.filter(([count]) => count > 0).map(([count, severity, anchor]) => `<a class="count ${severity}" href="#findings-${anchor}">${plural(count, severity === 'info' ? 'info finding' : severity)}</a>`);
  const status = found.length > 0 ? found.join(', ') : '<span class="count clean">valid: no findings</span>';
  const built = source
    ? `commit <code title="${escapeHtml(source.commit)}">${escapeHtml(source.commit.slice(0, 12))}</code> of <time datetime="${escapeHtml(source.date)}">${escapeHtml(source.date)}</time>${source.changed ? ', with changes not committed yet' : ''}`
    : 'files not in a git commit';
  const { totals } = report;
  return (
    `<header class="page-header"><p class="kicker">${escapeHtml(DEFAULT_TITLE)}</p><h1>${escapeHtml(dashboard.project.name ?? DEFAULT_TITLE)}</h1>` +
    (dashboard.project.description ? `<p class="description">${escapeHtml(dashboard.project.description)}</p>` : '') +
    '<dl class="facts">' +
    `<div><dt>As of</dt><dd><time datetime="${escapeHtml(dashboard.as_of)}">${escapeHtml(dashboard.as_of)}</time></dd></div>` +
    `<div><dt>Built from</dt><dd>${built}</dd></div>` +
    `<div><dt>Validation</dt><dd>${status}</dd></div>` +
    `<div><dt>Estate</dt><dd>${plainNumber(totals.workloads)} workloads (${plainNumber(totals.to_move)} to move), ${plainNumber(totals.servers)} servers, ${plainNumber(totals.cores)} cores</dd></div>` +
    '</dl></header>'
  );
}
