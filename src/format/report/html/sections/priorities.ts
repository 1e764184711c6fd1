// The business priorities in rank order: why each matters, and the workloads it drives.
import type { PriorityEntry } from '../../../../query/dashboard/priorities.js';
import { plural } from '../../../../text/list.js';
import { escapeHtml } from '../escape.js';
import { NONE, sectionStart, shortList, statusBadge } from '../parts.js';

/** The most workloads a priority lists (the backlog table has them all). */
const MOST_LISTED = 12;

export function prioritiesSection(priorities: readonly PriorityEntry[]): string {
  const items = priorities.map((priority) => {
    const about = [priority.type, priority.due ? `due ${priority.due}` : null, priority.outcomes.length > 0 ? `outcomes: ${priority.outcomes.join(', ')}` : null].filter((part): part is string => part !== null);
    const rationale = priority.rationale?.trim()
      ? `<p class="rationale">${escapeHtml(priority.rationale)}</p>`
      : '<p class="rationale missing"><strong>No rationale:</strong> the team must be able to say why this matters.</p>';
    const workloads = priority.workloads.map((w) => `<code>${escapeHtml(w.id)}</code> ${escapeHtml(w.name)} ${statusBadge(w.status)}`);
    return (
      `<li class="priority"><h3><span class="rank" aria-label="rank">${priority.rank ?? '?'}</span> ${escapeHtml(priority.title)} <code>${escapeHtml(priority.id)}</code></h3>` +
      (about.length > 0 ? `<p class="meta">${about.map(escapeHtml).join(' · ')}</p>` : '') +
      rationale +
      `<p>Drives ${plural(priority.workloads.length, 'workload')}${workloads.length > 0 ? ', in priority order:' : '.'}</p>` +
      (workloads.length > 0 ? shortList(workloads, MOST_LISTED) : '') +
      '</li>'
    );
  });
  return sectionStart('priorities', 'Business priorities') + (items.length > 0 ? `<ol class="priorities">${items.join('')}</ol>` : NONE) + '</section>';
}
