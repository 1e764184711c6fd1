import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export interface TableOptions {
  style: ChalkInstance;
  /** Terminal width to fit; undefined when not on a terminal (no wrapping). */
  columns: number | undefined;
}

const MIN_COLUMN_WIDTH = 8;
const SLICE_ROWS = 100;

/**
 * A cli-table3 table whose colours come from our own decision, never from cli-table3's. On a
 * terminal it fits the width: the widest columns give way first, never the first (the ids) nor
 * a heading, and their cells wrap between words (a word longer than the column is broken, never
 * cut: we wrap the text ourselves, because cli-table3 truncates what does not fit).
 */
export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const { style, columns } = options;
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((row) => longestLine(row[i] ?? ''))) + 2);
  if (columns !== undefined) {
    const floors = head.map((title, i) => (i === 0 ? widths[0]! : Math.max(MIN_COLUMN_WIDTH, title.length + 2)));
    shrink(widths, floors, columns - widths.length - 1);
  }
  const cells = rows.map((row) => row.map((cell, i) => wrap(cell, widths[i]! - 2)));
  // cli-table3 lays a table out in time that grows with the square of its cells: a long table
  // is drawn in slices of the same widths, stitched where their borders meet.
  const slices: string[][] = [];
  for (let start = 0; start === 0 || start < cells.length; start += SLICE_ROWS) {
    const table = new Table({
      ...(start === 0 ? { head: head.map((title) => style.bold(title)) } : {}),
      colWidths: widths,
      wordWrap: false,
      style: { head: [], border: [] },
      // No rule between rows: compact, and still readable with wrapped cells.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    table.push(...cells.slice(start, start + SLICE_ROWS));
    slices.push(table.toString().split('\n'));
  }
  const lines = slices.flatMap((slice, i) => slice.slice(i === 0 ? 0 : 1, i === slices.length - 1 ? slice.length : -1));
  // A rule under the header only: cli-table3 draws one between every row or none.
  const headerRule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  lines.splice(2, 0, headerRule);
  return `${lines.join('\n')}\n`;
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

/** Greedy word wrap to `width`; a word longer than a line is broken across lines. */
export function wrap(text: string, width: number): string {
  if (width <= 0) return text;
  return text
    .split('\n')
    .flatMap((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        let rest = word;
        while (rest.length > width) {
          if (line !== '') lines.push(line);
          line = '';
          lines.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
        if (line === '') line = rest;
        else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
        else {
          lines.push(line);
          line = rest;
        }
      }
      lines.push(line);
      return lines;
    })
    .join('\n');
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}
