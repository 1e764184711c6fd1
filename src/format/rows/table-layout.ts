import type { ChalkInstance } from 'chalk';
import type { ColumnFit } from '../../query/rows.js';
import { displayWidth } from '../shared/display-width.js';
import { wrapUnits } from '../shared/wrap.js';

/** A cell: text, or the items of a list. */
export type Cell = string | readonly string[];

export interface TableOptions {
  style: ChalkInstance;
  /** Terminal width to fit; undefined when not on a terminal, or with --wide: nothing is cut. */
  columns: number | undefined;
  /** How each column gives way (default: fixed). */
  fits?: readonly ColumnFit[];
  /**
   * Columns to leave out, first to last, when giving way is not enough; after them the others
   * from the right.
   */
  leaveOut?: readonly number[];
  /** The column that always stays, the ids (default: the first). */
  keep?: number;
}

/** The least text a column that gives way keeps: shorter than this, it says nothing. */
const TEXT_FLOOR = 8;
const LIST_SEPARATOR = ', ';

/**
 * A boxed table: a rule under the header only, one space either side of every cell. On a
 * terminal it fits the width: columns of free text and lists give way (the widest first), cut
 * on one line; when that is not enough, whole columns are left out and a line under the table
 * names them. Drawn here rather than by cli-table3, too slow for a large estate's `list`; the
 * layout is the one it drew (tests/golden keeps it).
 */
export function renderTable(head: readonly string[], rows: ReadonlyArray<readonly Cell[]>, options: TableOptions): string {
  const { style, columns } = options;
  const fits = head.map((_, i) => options.fits?.[i] ?? 'fixed');
  const natural = head.map((title, i) => {
    let widest = displayWidth(title);
    for (const row of rows) widest = Math.max(widest, longestLine(joined(row[i])));
    return widest + 2;
  });
  let shown = head.map((_, i) => i);
  let widths = [...natural];
  if (columns !== undefined && tableWidth(widths) > columns) {
    ({ shown, widths } = fit(head, rows, fits, natural, columns, options.leaveOut ?? [], options.keep ?? 0));
  }
  const cut = columns !== undefined;
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐'), ...rowLines(shown.map((i) => style.bold(head[i]!)), widths), rule('├', '┼', '┤')];
  for (const row of rows) {
    lines.push(...rowLines(shown.map((i, at) => (cut ? cellToWidth(row[i], fits[i]!, widths[at]! - 2) : joined(row[i]))), widths));
  }
  lines.push(rule('└', '┴', '┘'));
  if (shown.length < head.length) lines.push(...leftOutNote(head.filter((_, i) => !shown.includes(i)), tableWidth(widths)).map((line) => style.dim(line)));
  return `${lines.join('\n')}\n`;
}

/** The columns shown and their widths: columns that give way narrowed first, then columns left out until the table fits. */
function fit(head: readonly string[], rows: ReadonlyArray<readonly Cell[]>, fits: readonly ColumnFit[], natural: readonly number[], columns: number, leaveOut: readonly number[], keep: number) {
  const floors = head.map((title, i) => {
    const heading = displayWidth(title) + 2;
    if (fits[i] === 'text') return Math.min(natural[i]!, Math.max(heading, TEXT_FLOOR + 2));
    if (fits[i] === 'list') return Math.min(natural[i]!, Math.max(heading, ...rows.map((row) => firstItemWidth(row[i]) + 2)));
    return natural[i]!;
  });
  // What carries nothing goes first; then the columns named; then the others from the right.
  const order = [...head.keys()].filter((i) => i !== keep && rows.every((row) => joined(row[i]) === ''));
  for (const i of [...leaveOut, ...[...head.keys()].reverse()]) if (i !== keep && !order.includes(i)) order.push(i);
  const layout = (shown: number[]) => {
    const widths = shown.map((i) => natural[i]!);
    shrink(widths, shown.map((i) => floors[i]!), columns - widths.length - 1);
    return { shown, widths, fits: tableWidth(widths) <= columns };
  };
  let best = layout(head.map((_, i) => i));
  const left: number[] = [];
  for (const next of order) {
    if (best.fits) break;
    left.push(next);
    best = layout(best.shown.filter((i) => i !== next));
  }
  // A column left out early may fit again beside the one that made room: back it comes.
  for (const i of left.slice(0, -1).reverse()) {
    const tried = layout([...best.shown, i].sort((a, b) => a - b));
    if (tried.fits) best = tried;
  }
  return best;
}

/** The line under a table that names the columns left out, within the table's width. */
function leftOutNote(names: readonly string[], width: number): string[] {
  const listed = names.map((name, i) => `${i === 0 ? '(left out: ' : ''}${name}${i === names.length - 1 ? ';' : ','}`);
  return wrapUnits([...listed, '--wide shows all)'], width);
}

function tableWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + widths.length + 1;
}

/** The lines of one row: as many as its tallest cell, each cell padded to its column. */
function rowLines(cells: readonly string[], widths: readonly number[]): string[] {
  // Nearly every row is one line (10,000 of them in a large estate's list): drawn without splitting its cells.
  if (!cells.some((cell) => cell.includes('\n'))) return [`│${widths.map((width, i) => ` ${padToWidth(cells[i] ?? '', width - 2)} `).join('│')}│`];
  const cellLines = widths.map((_, i) => (cells[i] ?? '').split('\n'));
  const height = Math.max(...cellLines.map((lines) => lines.length));
  const lines: string[] = [];
  for (let line = 0; line < height; line++) {
    lines.push(`│${cellLines.map((cell, i) => ` ${padToWidth(cell[line] ?? '', widths[i]! - 2)} `).join('│')}│`);
  }
  return lines;
}

function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Narrows the widest columns, one character at a time, down to their floors, until the table fits. */
function shrink(widths: number[], floors: number[], room: number): void {
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    const shrinkable = widths.map((width, i) => (width > floors[i]! ? width : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest]! < 0) return;
    widths[widest] -= 1;
    excess -= 1;
  }
}

/** A cell as it fits `width` columns: text cut with `…` (each of its lines), a list cut between items; fixed cells whole. */
function cellToWidth(cell: Cell | undefined, fit: ColumnFit, width: number): string {
  if (cell === undefined) return '';
  if (typeof cell !== 'string') return fit === 'fixed' ? joined(cell) : listToWidth(cell, width);
  if (fit === 'fixed') return cell;
  return cell.includes('\n') ? cell.split('\n').map((line) => cutText(line, width)).join('\n') : cutText(cell, width);
}

/** As many whole items as fit, then how many more: `payroll, crm, +3 more`; never part of an item. */
function listToWidth(items: readonly string[], width: number): string {
  for (let kept = items.length; kept > 0; kept--) {
    const more = items.length - kept;
    const text = items.slice(0, kept).join(LIST_SEPARATOR) + (more > 0 ? `${LIST_SEPARATOR}+${more} more` : '');
    if (displayWidth(text) <= width) return text;
  }
  return items.length === 0 ? '' : displayWidth(`+${items.length} more`) <= width ? `+${items.length} more` : `+${items.length}`;
}

/** The width of a list cell cut to its first item: `payroll, +3 more`. */
function firstItemWidth(cell: Cell | undefined): number {
  if (!Array.isArray(cell) || cell.length === 0) return 0;
  return displayWidth(cell.length === 1 ? cell[0]! : `${cell[0]!}${LIST_SEPARATOR}+${cell.length - 1} more`);
}

function cutText(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const char of text) {
    const charWidth = displayWidth(char);
    if (used + charWidth > width - 1) break;
    kept += char;
    used += charWidth;
  }
  // At a space when one is near the end: `E-commerce…` reads better than `E-commerce w…`.
  const space = kept.lastIndexOf(' ');
  if (space >= kept.length * 0.6 && text[kept.length] !== ' ') kept = kept.slice(0, space);
  return `${kept.trimEnd()}…`;
}

function joined(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.join(LIST_SEPARATOR);
}

function longestLine(text: string): number {
  return text.includes('\n') ? Math.max(...text.split('\n').map(displayWidth)) : displayWidth(text);
}

