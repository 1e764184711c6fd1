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
 * terminal it fits the width: the widest columns give way first and their cells wrap.
 */
export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const { style, columns } = options;
  const widths = head.map((title, i) => Math.max(title.length, ...rows.map((row) => longestLine(row[i] ?? ''))) + 2);
  if (columns !== undefined) {
    // Borders take one column each, plus one.
    let excess = widths.reduce((a, b) => a + b, 0) + widths.length + 1 - columns;
    // A heading never wraps, so the rule under it stays under it.
    const floor = head.map((title) => Math.max(MIN_COLUMN_WIDTH, title.length + 2));
    while (excess > 0) {
      const shrinkable = widths.map((width, i) => (width > floor[i]! ? width : -1));
      const widest = shrinkable.indexOf(Math.max(...shrinkable));
      if (shrinkable[widest]! < 0) break;
      widths[widest] -= 1;
      excess -= 1;
    }
  }
  // cli-table3 lays a table out in time that grows with the square of its cells: a long table
  // is drawn in slices of the same widths, stitched where their borders meet.
  const slices: string[][] = [];
  for (let start = 0; start === 0 || start < rows.length; start += SLICE_ROWS) {
    const table = new Table({
      ...(start === 0 ? { head: head.map((title) => style.bold(title)) } : {}),
      colWidths: widths,
      wordWrap: true,
      style: { head: [], border: [] },
      // No rule between rows: compact, and still readable with wrapped cells.
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    table.push(...rows.slice(start, start + SLICE_ROWS));
    slices.push(table.toString().split('\n'));
  }
  const lines = slices.flatMap((slice, i) => slice.slice(i === 0 ? 0 : 1, i === slices.length - 1 ? slice.length : -1));
  // A rule under the header only: cli-table3 draws one between every row or none.
  const headerRule = lines[0]!.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤');
  lines.splice(2, 0, headerRule);
  return `${lines.join('\n')}\n`;
}

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}
