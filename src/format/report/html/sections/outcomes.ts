// Outcomes and KPIs: the migration's own progress, then every outcome's metrics with baseline,
// current (computed ones said so) and target, as progress towards the target; with the
// history, the burn-up over time.
import type { HistoryPoint } from '../../../../git/kpi-history.js';
import type { MetricRow, Report } from '../../../../query/report.js';
import { percent } from '../../../../query/report.js';
import { escapeHtml } from '../escape.js';
import { NONE, plainNumber, sectionStart, table, valueText } from '../parts.js';
import { burnUpSvg } from '../svg/burn-up.js';

export function outcomesSection(report: Report, history: readonly HistoryPoint[] | undefined): string {
  const p = report.progress;
  const { totals } = report;
  const rationalized = percent(p['workloads-rationalized'], totals.workloads);
  const cards = [
    progressCard('Workloads migrated', p['percent-workloads-migrated'], `${plainNumber(p['workloads-migrated'])} of ${plainNumber(totals.to_move)} to move`),
    progressCard('Servers migrated', p['percent-servers-migrated'], `${plainNumber(p['servers-migrated'])} of ${plainNumber(totals.in_service)} in service`),
    progressCard('Workloads rationalized', rationalized, `${plainNumber(p['workloads-rationalized'])} of ${plainNumber(totals.workloads)} with a decided strategy`),
    `<div class="card"><h3>Cores migrated</h3><p class="figure">${plainNumber(p['cores-migrated'])}</p><p>of ${plainNumber(totals.cores)}</p></div>`,
  ];
  const outcomes = report.outcomes.map((outcome) => {
    const about = [outcome.category, outcome.stakeholder].filter((part): part is string => part !== null);
    const rows = outcome.metrics.map((metric) => [
      valueText(metric.name),
      valueText(metric.kind),
      figure(metric.baseline, metric),
      `${figure(metric.current, metric)}${metric.measure ? ' <span class="computed">(computed)</span>' : ''}`,
      figure(metric.target, metric),
      valueText(metric.due),
      metric.progress === null ? valueText(null) : progressBar(metric.progress, `${metric.name ?? metric.id}: progress towards the target`),
    ]);
    return (
      `<article class="outcome"><h3>${escapeHtml(outcome.title ?? outcome.id)}</h3>` +
      (about.length > 0 ? `<p class="meta">${about.map(escapeHtml).join(' · ')}</p>` : '') +
      (rows.length > 0 ? table(`Metrics of ${outcome.title ?? outcome.id}`, ['Metric', 'Kind', 'Baseline', 'Current', 'Target', 'Due', 'Progress'], rows, 'metrics', { captionHidden: true }) : '<p class="none-found">No metrics yet.</p>') +
      '</article>'
    );
  });
  return (
    sectionStart('outcomes', 'Outcomes and KPIs') +
    `<div class="cards">${cards.join('')}</div>` +
    (history ? burnUp(history) : '') +
    (outcomes.length > 0 ? outcomes.join('') : NONE) +
    '</section>'
  );
}

function progressCard(title: string, value: number, detail: string): string {
  const bar = Math.max(0, Math.min(100, value));
  return `<div class="card"><h3>${escapeHtml(title)}</h3><p class="figure">${value}%</p><progress max="100" value="${bar}" aria-label="${escapeHtml(title)}">${value}%</progress><p>${escapeHtml(detail)}</p></div>`;
}

/** A progress bar, its figure also as text; a figure outside 0-100 is shown as it is, the bar at its end. */
function progressBar(value: number, label: string): string {
  const bar = Math.max(0, Math.min(100, value));
  return `<span class="progress"><progress max="100" value="${bar}" aria-label="${escapeHtml(label)}">${value}%</progress> <span>${value}%</span></span>`;
}

function figure(value: number | string | null, metric: MetricRow): string {
  if (value === null) return valueText(null);
  return escapeHtml(metric.unit ? `${value} ${metric.unit}` : String(value));
}

function burnUp(points: readonly HistoryPoint[]): string {
  const rows = points.map((point) => [
    escapeHtml(point.date),
    `${plainNumber(point.workloads_migrated)} of ${plainNumber(point.workloads_to_move)} (${point.percent_workloads_migrated}%)`,
    `${plainNumber(point.servers_migrated)} of ${plainNumber(point.servers_in_service)} in service (${point.percent_servers_migrated}%)`,
    point.commit ? `<code>${escapeHtml(point.commit.slice(0, 7))}</code>` : 'no backlog yet',
  ]);
  return (
    '<figure class="chart"><figcaption><h3>Burn-up</h3>' +
    '<p class="legend"><span class="key workloads">workloads migrated</span> and <span class="key servers">servers migrated</span>, in percent, from the git history</p></figcaption>' +
    burnUpSvg(points) +
    `<details><summary>The figures</summary>${table('The burn-up, date by date', ['Date', 'Workloads migrated', 'Servers migrated', 'Commit'], rows)}</details></figure>`
  );
}
