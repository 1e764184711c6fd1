// What needs attention: assumptions invalidated or past review, open remediations holding up
// a wave, risks by severity and status, workloads without an owner or a reason to move.
import type { Attention } from '../../../../query/dashboard/attention.js';
import { escapeHtml } from '../escape.js';
import { dateText, NONE, sectionStart, shortList, statusBadge, table, valueText } from '../parts.js';

/** The most workloads a list of this section names. */
const MOST_LISTED = 50;

export function attentionSection(attention: Attention): string {
  const ids = (list: readonly string[]) => (list.length > 0 ? list.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ') : valueText(null));
  const part = (id: string, title: string, count: number, body: string) => `<h3 id="${id}">${escapeHtml(title)} (${count})</h3>${count > 0 ? body : NONE}`;
  const openRisks = attention.risks.reduce((sum, cell) => sum + cell.risks.length, 0);
  return (
    sectionStart('attention', 'Needs attention') +
    part(
      'attention-invalidated',
      'Invalidated assumptions',
      attention.invalidated_assumptions.length,
      table('Invalidated assumptions and the workloads not yet migrated that rely on them', ['Assumption', 'Statement', 'Owner', 'Workloads relying on it'], attention.invalidated_assumptions.map((a) => [escapeHtml(a.id), escapeHtml(a.statement), valueText(a.owner), ids(a.workloads)])),
    ) +
    part(
      'attention-stale',
      'Assumptions past their review date',
      attention.stale_assumptions.length,
      table('Open assumptions past their review date', ['Assumption', 'Statement', 'Owner', 'Review by'], attention.stale_assumptions.map((a) => [escapeHtml(a.id), escapeHtml(a.statement), valueText(a.owner), escapeHtml(a.review_by)])),
    ) +
    part(
      'attention-remediations',
      'Open remediations holding up a wave',
      attention.blocking_remediations.length,
      table(
        'Open remediations of workloads still to move in a wave not completed, the earliest wave first',
        ['Remediation', 'Severity', 'Status', 'Owner', 'Due', 'Wave', 'Workloads'],
        attention.blocking_remediations.map((r) => [
          `${escapeHtml(r.id)}<span class="sub">${escapeHtml(r.title)}</span>`,
          valueText(r.severity),
          statusBadge(r.status),
          valueText(r.owner),
          `${dateText(r.due)}${r.late ? ' <strong class="over">after the wave starts</strong>' : ''}`,
          `${escapeHtml(r.wave.id)}${r.wave.start ? `<span class="sub">starts ${dateText(r.wave.start)}</span>` : ''}`,
          ids(r.workloads),
        ]),
      ),
    ) +
    riskGrid(attention.risk_grid) +
    part(
      'attention-risks',
      'Risks not closed, by severity',
      openRisks,
      table(
        'Risks by severity and status',
        ['Severity', 'Status', 'Risks'],
        attention.risks.map((cell) => [
          valueText(cell.severity),
          statusBadge(cell.status),
          `<ul class="plain">${cell.risks.map((r) => `<li><code>${escapeHtml(r.id)}</code> ${escapeHtml(r.title)}${r.owner ? `<span class="sub-inline"> (${escapeHtml(r.owner)})</span>` : ''}${r.mitigation ? `<span class="sub">Mitigation: ${escapeHtml(r.mitigation)}</span>` : ''}</li>`).join('')}</ul>`,
        ]),
        'risks',
      ),
    ) +
    part('attention-owner', 'Workloads without a business owner', attention.without_owner.length, shortList(attention.without_owner.map((w) => `<code>${escapeHtml(w.id)}</code> ${escapeHtml(w.name)}`), MOST_LISTED)) +
    part(
      'attention-rationale',
      'Workloads without a rationale',
      attention.without_rationale.length,
      '<p>No business priority drives them, or none of their drivers says why it matters.</p>' +
        shortList(attention.without_rationale.map((w) => `<code>${escapeHtml(w.id)}</code> ${escapeHtml(w.name)}${w.drivers.length > 0 ? `<span class="sub-inline"> (drivers ${w.drivers.map(escapeHtml).join(', ')})</span>` : '<span class="sub-inline"> (no driver)</span>'}`), MOST_LISTED),
    ) +
    '</section>'
  );
}

/**
 * The risks rated for likelihood and impact, as the usual grid: likelihood down, impact across,
 * high first. A cell's shade says how much the two weigh together; its text names the risks.
 */
function riskGrid(grid: Attention['risk_grid']): string {
  const rated = grid.reduce((sum, cell) => sum + cell.risks.length, 0);
  if (rated === 0) return '';
  const impacts = [...new Set(grid.map((cell) => cell.impact))];
  const rows = [...new Set(grid.map((cell) => cell.likelihood))].map((likelihood) => [
    escapeHtml(likelihood),
    ...impacts.map((impact) => {
      const cell = grid.find((c) => c.likelihood === likelihood && c.impact === impact)!;
      const weight = LEVEL_WEIGHT[cell.likelihood] * LEVEL_WEIGHT[cell.impact];
      return `<span class="risk-cell weight-${weight}">${cell.risks.length > 0 ? cell.risks.map((id) => `<code>${escapeHtml(id)}</code>`).join(' ') : '<span class="none">—</span>'}</span>`;
    }),
  ]);
  return `<h3 id="attention-risk-grid">Risks by likelihood and impact (${rated})</h3>${table('Risks not closed, by likelihood (rows) and impact (columns)', ['Likelihood \\ impact', ...impacts], rows, 'risk-grid')}`;
}

/** A level as a number, for the shade of a grid cell: likelihood times impact, 1 to 9. */
const LEVEL_WEIGHT: Record<string, number> = { high: 3, medium: 2, low: 1 };

