import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';

export interface TableOptions {
  style: ChalkInstance;
  /** Terminal width to fit; undefined when not on a terminal (no wrapping). */
  columns: number | undefined;
}

const MIN_COLUMN_WIDTH = 8;

/**
 * A boxed table: a rule under the header only, one space either side of every cell. On a
 * terminal it fits the width: the widest columns give way first, never the first (the ids) nor
 * a heading, and their cells wrap between words (a word longer than the column is broken, never
 * cut). Drawn here rather than by cli-table3, which spent 1.5 s on the 10,000 rows of a large
 * estate's `list`; the layout is the one it drew (tests/golden keeps it).
 */
export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const { style, columns } = options;
  const widths = head.map((title, i) => {
    let widest = displayWidth(title);
    for (const row of rows) widest = Math.max(widest, longestLine(row[i] ?? ''));
    return widest + 2;
  });
  if (columns !== undefined) {
    const floors = head.map((title, i) => (i === 0 ? widths[0]! : Math.max(MIN_COLUMN_WIDTH, displayWidth(title) + 2)));
    shrink(widths, floors, columns - widths.length - 1);
  }
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width)).join(middle)}${right}`;
  const lines = [rule('┌', '┬', '┐'), ...rowLines(head.map((title) => style.bold(title)), widths), rule('├', '┼', '┤')];
  for (const row of rows) lines.push(...rowLines(row.map((cell, i) => wrap(cell, widths[i]! - 2)), widths));
  lines.push(rule('└', '┴', '┘'));
  return `${lines.join('\n')}\n`;
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

/** Greedy word wrap to `width`; a word longer than a line is broken across lines. */
function wrap(text: string, width: number): string {
  if (width <= 0) return text;
  // What fits already is as it is (the words split, and joined again, would give it back).
  if (text.length <= width && !text.includes('\n') && !text.includes('  ') && !text.startsWith(' ')) return text;
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
  return text.includes('\n') ? Math.max(...text.split('\n').map(displayWidth)) : displayWidth(text);
}

/** Columns a text takes on a terminal: wide characters count two, colour codes none. */
function displayWidth(text: string): number {
  // Nearly every cell is plain ASCII, and string-width builds a regular expression per call.
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}
