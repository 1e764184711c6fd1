// The backlog: the frame of the table the page's script fills in (filters, sortable column
// headers, pages, and the panel that shows the workload selected). The rows themselves are in
// the page's data: at 10,000 workloads the script draws only the page shown.
import type { BacklogTable } from '../../../../query/dashboard/backlog-table.js';
import { STRATEGIES, WORKLOAD_STATUSES } from '../../../../../schemas/vocabulary.js';
import { escapeHtml } from '../escape.js';
import { plainNumber, sectionStart } from '../parts.js';

/** The table's columns: the key the script sorts by, and the header. */
const BACKLOG_COLUMNS = [
  ['order', '#'],
  ['id', 'Workload'],
  ['priority', 'Priority'],
  ['status', 'Status'],
  ['wave', 'Wave'],
  ['strategy', 'Strategy'],
  ['owner', 'Owner'],
  ['criticality', 'Criticality'],
  ['servers', 'Servers'],
] as const;

const NO_WAVE = '(no wave)';

export function backlogSection(table: BacklogTable, waveOrder: readonly string[]): string {
  const { workloads } = table;
  const present = (values: Array<string | null>) => new Set(values.filter((v): v is string => v !== null));
  const statuses = present(workloads.map((w) => w.status));
  const strategies = present(workloads.map((w) => w.strategy));
  const waves = present(workloads.map((w) => w.wave));
  const waveOptions = [...waveOrder.filter((id) => waves.has(id)), ...[...waves].filter((id) => !waveOrder.includes(id)).sort()];
  if (workloads.some((w) => w.wave === null)) waveOptions.push(NO_WAVE);
  const headers = BACKLOG_COLUMNS.map(
    ([key, title]) => `<th scope="col" data-column="${key}"${key === 'order' ? ' aria-sort="ascending"' : ''}><button type="button" title="Sort by ${escapeHtml(title === '#' ? 'priority order' : title.toLowerCase())}">${escapeHtml(title)}</button></th>`,
  ).join('');
  return (
    sectionStart('backlog', 'The backlog') +
    `<p>All ${plainNumber(workloads.length)} workloads in priority order, as <code>backlog list --priority</code> lists them. Filter them, sort them by a column, and select a workload's id to see its servers, dependencies, assumptions, risks and remediations.</p>` +
    '<form class="filters" role="search" aria-label="Filter the backlog">' +
    '<label>Search <input type="search" id="filter-text" placeholder="id, name or owner" autocomplete="off"></label>' +
    filterSelect('filter-status', 'Status', WORKLOAD_STATUSES.filter((s) => statuses.has(s))) +
    filterSelect('filter-wave', 'Wave', waveOptions) +
    filterSelect('filter-strategy', 'Strategy', STRATEGIES.filter((s) => strategies.has(s))) +
    `<label>Rows per page <select id="page-size">${[25, 50, 100, 250].map((n) => `<option${n === 50 ? ' selected' : ''}>${n}</option>`).join('')}</select></label>` +
    '</form>' +
    '<p id="backlog-count" class="count-line" role="status"></p>' +
    `<div class="table-frame"><table id="backlog-table" class="backlog"><caption>Workloads in priority order</caption><thead><tr>${headers}</tr></thead><tbody></tbody></table></div>` +
    '<nav class="pager" aria-label="Pages of the backlog"><button type="button" id="page-previous">Previous page</button> <span id="page-label"></span> <button type="button" id="page-next">Next page</button></nav>' +
    '<noscript><p class="none-found">The table is drawn by the page\'s script: allow JavaScript to see it. Every other section is here without it.</p></noscript>' +
    '<section id="workload-detail" class="detail" aria-labelledby="workload-detail-heading"><h3 id="workload-detail-heading" tabindex="-1">Selected workload</h3>' +
    '<p class="none-found">Select a workload\'s id in the table to see it here.</p></section>' +
    '</section>'
  );
}

function filterSelect(id: string, label: string, values: readonly string[]): string {
  const options = values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`).join('');
  return `<label>${escapeHtml(label)} <select id="${id}"><option value="">all</option>${options}</select></label>`;
}
