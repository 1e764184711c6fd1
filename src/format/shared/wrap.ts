// Text within a terminal's width: words carried to the next line, which starts with an indent
// (under where the text began). Off a terminal (no width), a line stays whole, for grep.
import { displayWidth } from './display-width.js';

/** The gap before a word, and the word: a line breaks only at a gap, which the break drops. */
type Piece = readonly [gap: string, word: string];

/** An indent that leaves fewer columns than this for words gives way to a shallow one. */
const MIN_TEXT_COLUMNS = 40;
const SHALLOW_INDENT = '    ';

/**
 * `head` then `text`, its gaps (tabs too) kept within a line; lines after the first, and the
 * text's own further lines, start with `indent`. Off a terminal, `head` and `text` as they are.
 */
export function wrapText(head: string, text: string, columns: number | undefined, indent: string): string[] {
  if (columns === undefined) return [head + text];
  return text.split('\n').flatMap((line, i) => {
    // A no-break space holds its words together: it is part of a word, never a gap.
    const pieces = [...line.matchAll(/([^\S\u00a0]*)((?:\S|\u00a0)+)/g)].map(([, gap, word]): Piece => [gap!, word!]);
    return i > 0 && pieces.length === 0 ? [''] : fill(i === 0 ? head : indent, pieces, columns, indent);
  });
}

/** `units` joined by single spaces, never broken inside one (`(left out: owner,` stays whole). */
export function wrapUnits(units: readonly string[], columns: number, indent = ''): string[] {
  return fill('', units.map((unit, i): Piece => [i === 0 ? '' : ' ', unit]), columns, indent);
}

function fill(head: string, pieces: readonly Piece[], columns: number, indent: string): string[] {
  const deep = displayWidth(indent) > Math.max(SHALLOW_INDENT.length, columns - MIN_TEXT_COLUMNS);
  const under = deep ? SHALLOW_INDENT : indent;
  const lines: string[] = [];
  let line = head;
  let words = 0;
  for (const [gap, word] of pieces) {
    if (words > 0 && displayWidth(line + gap + word) > columns) {
      lines.push(line);
      line = under + word;
    } else {
      line += gap + word;
    }
    words++;
  }
  return [...lines, line];
}

/** `text` after `head`, its further lines under its first word: one string of lines. */
export function hanging(head: string, text: string, columns: number | undefined): string {
  return wrapText(head, text, columns, ' '.repeat(displayWidth(head))).join('\n');
}
