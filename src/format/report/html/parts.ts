// Small pieces every section of the page is made of.
import { escapeHtml } from './escape.js';

/** A value as text, or a dash for none. */
export function valueText(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '<span class="none">—</span>' : escapeHtml(value);
}

/** A status as a badge: its colour is a help, its text says it. */
export function statusBadge(status: string | null): string {
  return status === null ? valueText(null) : `<span class="badge status-${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

export function sectionStart(id: string, title: string): string {
  return `<section id="${id}" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${escapeHtml(title)}</h2>`;
}

/** A table with a header row, the first cell of each row its header; cells are markup already. */
export function table(caption: string, headers: readonly string[], rows: ReadonlyArray<readonly string[]>, className = '', options: { captionHidden?: boolean } = {}): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, at) => (at === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('');
  return `<table${className ? ` class="${className}"` : ''}><caption${options.captionHidden ? ' class="visually-hidden"' : ''}>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A list cut at `most` items, saying how many it leaves out. */
export function shortList(items: readonly string[], most: number, className = 'plain'): string {
  const shown = items.slice(0, most);
  const more = items.length - shown.length;
  return `<ul class="${className}">${shown.map((item) => `<li>${item}</li>`).join('')}</ul>${more > 0 ? `<p class="more">and ${more.toLocaleString('en-US')} more</p>` : ''}`;
}

/** "None." for an empty part of a section. */
export const NONE = '<p class="none-found">None.</p>';

/** A date, never broken across lines. */
export function dateText(date: string | null): string {
  return date === null ? valueText(null) : `<span class="nowrap">${escapeHtml(date)}</span>`;
}

export function plainNumber(value: number): string {
  return value.toLocaleString('en-US');
}
