// The backlog table of the HTML report: filters, sorting by column, pages, and the workload
// selected. It reads the page's data (a JSON script element, see client-data.ts for its
// layout) and writes every value as text (textContent), never as markup.
/* global document, window -- it runs in the browser */
(() => {
  'use strict';

  const data = JSON.parse(document.getElementById('backlog-data').textContent);
  const workloads = data.workloads;
  // The fields of a workload's row, in client-data.ts's order.
  const ID = 0, NAME = 1, PRIORITY = 2, STATUS = 3, WAVE = 4, STRATEGY = 5, OWNER = 6, CRITICALITY = 7;
  const SERVERS = 8, DEPENDS_ON = 9, EXTERNAL = 10, ASSUMPTIONS = 11, RISKS = 12, REMEDIATIONS = 13;
  const NO_WAVE = '(no wave)';
  const MOST_DETAIL_ROWS = 500;

  const byId = (id) => document.getElementById(id);
  const table = byId('backlog-table');
  const body = table.tBodies[0];
  const filters = { text: byId('filter-text'), status: byId('filter-status'), wave: byId('filter-wave'), strategy: byId('filter-strategy') };
  const state = { sortKey: 'order', descending: false, page: 0, pageSize: Number(byId('page-size').value), selected: -1 };
  let shown = [];
  let searchText;
  let dependents;

  /** An element with attributes and children; a string child is text. */
  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) element.setAttribute(name, value);
    for (const child of children) element.append(child === null || child === undefined ? '' : child);
    return element;
  }

  const none = () => el('span', { class: 'none' }, '—');
  const text = (value) => (value === null || value === undefined || value === '' ? none() : String(value));
  const badge = (status) => (status ? el('span', { class: `badge status-${status}` }, status) : none());

  function matching() {
    const needle = filters.text.value.trim().toLowerCase();
    const status = filters.status.value;
    const wave = filters.wave.value;
    const strategy = filters.strategy.value;
    if (needle && !searchText) searchText = workloads.map((w) => `${w[ID]}\n${w[NAME]}\n${w[OWNER] || ''}`.toLowerCase());
    const rows = [];
    for (let i = 0; i < workloads.length; i++) {
      const w = workloads[i];
      if (status && w[STATUS] !== status) continue;
      if (wave && (w[WAVE] === null ? NO_WAVE : w[WAVE]) !== wave) continue;
      if (strategy && w[STRATEGY] !== strategy) continue;
      if (needle && !searchText[i].includes(needle)) continue;
      rows.push(i);
    }
    return rows;
  }

  /** What a column sorts by: a vocabulary's order where it has one, text without case, a number. */
  function sortValue(key) {
    const order = data.order[key];
    const field = { id: ID, priority: PRIORITY, status: STATUS, wave: WAVE, strategy: STRATEGY, owner: OWNER, criticality: CRITICALITY }[key];
    if (key === 'servers') return (i) => workloads[i][SERVERS].length;
    if (order) {
      const rank = new Map(order.map((value, at) => [value, at]));
      return (i) => {
        const value = workloads[i][field];
        return value === null ? null : rank.has(value) ? rank.get(value) : order.length;
      };
    }
    return (i) => (workloads[i][field] === null ? null : String(workloads[i][field]).toLowerCase());
  }

  function sorted(rows) {
    if (state.sortKey === 'order') return rows.sort((a, b) => (state.descending ? b - a : a - b));
    const value = sortValue(state.sortKey);
    const keys = new Map(rows.map((i) => [i, value(i)]));
    const direction = state.descending ? -1 : 1;
    // Missing values last either way; ties in priority order.
    return rows.sort((a, b) => {
      const x = keys.get(a);
      const y = keys.get(b);
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      return x < y ? -direction : x > y ? direction : a - b;
    });
  }

  function row(i) {
    const w = workloads[i];
    const select = el('button', { type: 'button', class: 'link', 'data-index': String(i) }, w[ID]);
    if (i === state.selected) select.setAttribute('aria-current', 'true');
    return el(
      'tr',
      i === state.selected ? { class: 'selected' } : {},
      el('td', { class: 'number' }, String(i + 1)),
      el('th', { scope: 'row' }, select, el('span', { class: 'sub' }, w[NAME])),
      el('td', {}, text(w[PRIORITY])),
      el('td', {}, badge(w[STATUS])),
      el('td', {}, text(w[WAVE])),
      el('td', {}, text(w[STRATEGY])),
      el('td', { class: 'owner' }, text(w[OWNER])),
      el('td', {}, text(w[CRITICALITY])),
      el('td', { class: 'number' }, String(w[SERVERS].length)),
    );
  }

  function render() {
    const pages = Math.max(1, Math.ceil(shown.length / state.pageSize));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * state.pageSize;
    const end = Math.min(shown.length, start + state.pageSize);
    body.replaceChildren(...shown.slice(start, end).map(row));
    const of = shown.length === workloads.length ? `${count(shown.length)} workloads` : `${count(shown.length)} workloads matching (of ${count(workloads.length)})`;
    byId('backlog-count').textContent = shown.length === 0 ? `No workload matches (of ${count(workloads.length)}).` : `Rows ${count(start + 1)}–${count(end)} of ${of}.`;
    byId('page-label').textContent = `Page ${state.page + 1} of ${pages}`;
    byId('page-previous').disabled = state.page === 0;
    byId('page-next').disabled = state.page >= pages - 1;
    for (const header of table.tHead.rows[0].cells) {
      if (header.dataset.column === state.sortKey) header.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
      else header.removeAttribute('aria-sort');
    }
  }

  const count = (n) => n.toLocaleString('en-US');

  function refilter() {
    shown = sorted(matching());
    state.page = 0;
    render();
  }

  function detailTable(caption, headers, rows) {
    if (rows.length === 0) return el('p', { class: 'none-found' }, 'None.');
    const head = el('tr', {}, ...headers.map((header) => el('th', { scope: 'col' }, header)));
    const lines = rows.slice(0, MOST_DETAIL_ROWS).map((cells) => el('tr', {}, ...cells.map((cell, at) => el(at === 0 ? 'th' : 'td', at === 0 ? { scope: 'row' } : {}, cell))));
    const more = rows.length > MOST_DETAIL_ROWS ? el('p', { class: 'more' }, `and ${count(rows.length - MOST_DETAIL_ROWS)} more`) : '';
    const frame = el('div', { class: 'table-frame' }, el('table', {}, el('caption', { class: 'visually-hidden' }, caption), el('thead', {}, head), el('tbody', {}, ...lines)));
    return el('div', {}, frame, more);
  }

  function dependentsOf(index) {
    if (!dependents) {
      dependents = workloads.map(() => []);
      workloads.forEach((w, from) => {
        const edges = w[DEPENDS_ON];
        for (let at = 0; at < edges.length; at += 2) dependents[edges[at]].push(from, edges[at + 1]);
      });
    }
    return dependents[index];
  }

  /** Workload edges, [other, classification, ...], as rows. */
  const edgeRows = (edges) => {
    const rows = [];
    for (let at = 0; at < edges.length; at += 2) {
      const other = workloads[edges[at]];
      rows.push([other[ID], other[NAME], text(other[WAVE]), badge(other[STATUS]), data.classifications[edges[at + 1]]]);
    }
    return rows;
  };

  function select(index) {
    state.selected = index;
    render();
    const w = workloads[index];
    const panel = byId('workload-detail');
    const heading = el('h3', { id: 'workload-detail-heading', tabindex: '-1' }, `${w[ID]}: ${w[NAME]}`);
    const facts = el(
      'dl',
      { class: 'facts' },
      ...[['Status', badge(w[STATUS])], ['Priority', text(w[PRIORITY])], ['Wave', text(w[WAVE])], ['Strategy', text(w[STRATEGY])], ['Owner', text(w[OWNER])], ['Criticality', text(w[CRITICALITY])]].map(([term, value]) =>
        el('div', {}, el('dt', {}, term), el('dd', {}, value)),
      ),
    );
    const servers = w[SERVERS].map((s) => data.servers[s]).map((s) => [s[0], text(s[1]), text(s[2]), text(s[3]), badge(s[4])]);
    const dependsOn = edgeRows(w[DEPENDS_ON]);
    const dependedOnBy = edgeRows(dependentsOf(index));
    // Assumptions, risks, remediations: [id, text, ..., status].
    const listed = (list, indices) => indices.map((at) => list[at].map((value, field, item) => (field === item.length - 1 ? badge(value) : field < 2 ? value : text(value))));
    panel.replaceChildren(
      heading,
      facts,
      el('h4', {}, `Servers (${servers.length})`),
      detailTable(`The servers of ${w[ID]}`, ['Server', 'OS', 'Cores', 'Memory (GB)', 'Status'], servers),
      el('h4', {}, `Depends on (${dependsOn.length})`),
      detailTable(`The workloads ${w[ID]} depends on`, ['Workload', 'Name', 'Wave', 'Status', 'Classification'], dependsOn),
      el('h4', {}, `Depended on by (${dependedOnBy.length})`),
      detailTable(`The workloads that depend on ${w[ID]}`, ['Workload', 'Name', 'Wave', 'Status', 'Classification'], dependedOnBy),
      el('h4', {}, `Systems outside the estate (${w[EXTERNAL].length})`),
      w[EXTERNAL].length > 0 ? el('ul', { class: 'plain' }, ...w[EXTERNAL].map((name) => el('li', {}, name))) : el('p', { class: 'none-found' }, 'None.'),
      el('h4', {}, `Assumptions (${w[ASSUMPTIONS].length})`),
      detailTable(`The assumptions ${w[ID]} relies on`, ['Assumption', 'Statement', 'Status'], listed(data.assumptions, w[ASSUMPTIONS])),
      el('h4', {}, `Risks (${w[RISKS].length})`),
      detailTable(`The risks of ${w[ID]}`, ['Risk', 'Title', 'Severity', 'Status'], listed(data.risks, w[RISKS])),
      el('h4', {}, `Remediations (${w[REMEDIATIONS].length})`),
      detailTable(`The remediations of ${w[ID]}`, ['Remediation', 'Title', 'Severity', 'Status'], listed(data.remediations, w[REMEDIATIONS])),
    );
    heading.focus();
  }

  for (const input of Object.values(filters)) input.addEventListener(input.tagName === 'INPUT' ? 'input' : 'change', refilter);
  byId('page-size').addEventListener('change', (event) => {
    state.pageSize = Number(event.target.value);
    state.page = 0;
    render();
  });
  byId('page-previous').addEventListener('click', () => {
    state.page--;
    render();
  });
  byId('page-next').addEventListener('click', () => {
    state.page++;
    render();
  });
  table.tHead.addEventListener('click', (event) => {
    const header = event.target.closest('th');
    if (!header) return;
    const key = header.dataset.column;
    state.descending = state.sortKey === key ? !state.descending : false;
    state.sortKey = key;
    shown = sorted(shown);
    render();
  });
  body.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-index]');
    if (button) select(Number(button.dataset.index));
  });
  // The form filters as one types: Enter submits nothing.
  document.querySelector('form.filters').addEventListener('submit', (event) => event.preventDefault());

  // Printed, the page shows what its closed details hold.
  const opened = [];
  window.addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details:not([open])')) {
      details.open = true;
      opened.push(details);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened.splice(0)) details.open = false;
  });

  refilter();
  document.documentElement.dataset.ready = 'true';
})();
