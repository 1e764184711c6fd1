// The wave plan: the dated waves on a time line with today's date, then every wave in order
// with its capacity against the servers assigned, its workloads by status and its findings.
import type { WavePlanEntry } from '../../../../query/dashboard/wave-plan.js';
import { plural } from '../../../../text/list.js';
import { escapeHtml } from '../escape.js';
import { dateText, NONE, plainNumber, sectionStart, statusBadge, table, valueText } from '../parts.js';
import { timelineSvg } from '../svg/timeline.js';

export function wavePlanSection(waves: readonly WavePlanEntry[], asOf: string): string {
  const timeline = timelineSvg(waves, asOf);
  const undated = waves.filter((wave) => wave.order !== null && (wave.start === null || wave.end === null));
  const rows = waves.map((wave) => [
    `${escapeHtml(wave.id)}${wave.name ? `<span class="sub">${escapeHtml(wave.name)}</span>` : ''}`,
    valueText(wave.order),
    statusBadge(wave.status),
    wave.start || wave.end ? `${dateText(wave.start)} to ${dateText(wave.end)}` : valueText(null),
    capacity(wave),
    wave.by_status.length > 0 ? wave.by_status.map(({ status, workloads }) => `<span class="nowrap">${statusBadge(status)} ${workloads}</span>`).join(' ') : valueText(null),
    wave.findings.length > 0 ? `<ul class="plain">${wave.findings.map((f) => `<li><code>${escapeHtml(f.code)}</code> ${escapeHtml(f.message)}</li>`).join('')}</ul>` : valueText(null),
  ]);
  return (
    sectionStart('waves', 'Wave plan') +
    (timeline
      ? `<figure class="chart">${timeline}<figcaption>Each dated wave from its start to its end; the line is the date this report speaks as of.</figcaption></figure>`
      : '') +
    (undated.length > 0 ? `<p>Without dates, in their order: ${undated.map((wave) => escapeHtml(wave.id)).join(', ')}.</p>` : '') +
    (rows.length > 0 ? table('The waves in order; workloads still to move and without a wave last', ['Wave', 'Order', 'Status', 'Dates', 'Servers and capacity', 'Workloads by status', 'Findings'], rows, 'waves') : NONE) +
    '</section>'
  );
}

function capacity(wave: WavePlanEntry): string {
  const servers = plural(wave.servers, 'server');
  if (wave.capacity === null) return `${servers}<span class="sub">no capacity set</span>`;
  const over = wave.servers > wave.capacity;
  return (
    `<meter min="0" max="${wave.capacity}" value="${Math.min(wave.servers, wave.capacity)}" aria-label="${escapeHtml(`${wave.id}: servers against capacity`)}"></meter> ` +
    `<span class="nowrap">${plainNumber(wave.servers)} of ${plainNumber(wave.capacity)} (${wave.capacityUsed}%)</span>${over ? ' <strong class="over">over capacity</strong>' : ''}`
  );
}
