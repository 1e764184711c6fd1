// A few lines of source around a finding, with a caret under the offending text.
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../../../schemas/diagnostic-codes.js';
import { printable } from '../../text/printable.js';

const MAX_WIDTH = 160;

export interface FrameSpan {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The last source framed, and its lines: a file's findings come one after another, and splitting the file again for each made thousands of findings take minutes. */
let framed: { source: string; lines: readonly string[] } | undefined;

function linesOf(source: string): readonly string[] {
  if (framed?.source !== source) {
    const lines = source.split(/\r?\n/);
    // A final newline ends the last line; it does not start an empty one.
    if (lines.length > 1 && lines.at(-1) === '') lines.pop();
    framed = { source, lines };
  }
  return framed.lines;
}

export function codeFrame(source: string, span: FrameSpan, style: ChalkInstance, severity: Severity = 'error', context = 1): string {
  const mark = severity === 'error' ? style.red.bold : severity === 'warning' ? style.yellow.bold : style.blue.bold;
  const lines = linesOf(source);
  const target = span.line - 1;
  if (target < 0 || target >= lines.length) return '';
  const first = Math.max(0, target - context);
  const last = Math.min(lines.length - 1, target + context);
  const gutterWidth = String(last + 1).length;
  const line = lines[target]!;
  const caretEnd = span.endLine === span.line && span.endColumn !== undefined ? span.endColumn : line.length + 1;
  const caretLength = Math.max(1, caretEnd - span.column);
  // Long lines (minified flow style, binary garbage) are cut to a window around the caret.
  const windowStart = span.column - 1 > MAX_WIDTH - 20 ? span.column - 1 - 20 : 0;
  const cut = (text: string) => {
    const part = printable(text.slice(windowStart, windowStart + MAX_WIDTH));
    return (windowStart > 0 ? '…' : '') + part + (text.length > windowStart + MAX_WIDTH ? '…' : '');
  };
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const number = String(i + 1).padStart(gutterWidth);
    const marker = i === target ? mark('>') : ' ';
    const text = cut(lines[i]!);
    out.push(`${marker} ${style.dim(`${number} |`)}${text ? ` ${text}` : ''}`);
    if (i === target) {
      // Copy tabs from the line so the caret stands under the text in any tab width; a control
      // character shown as an escape takes the escape's width.
      const lead = (windowStart > 0 ? ' ' : '') + printable(line.slice(windowStart, span.column - 1)).replace(/[^\t]/g, ' ');
      const caret = '^'.repeat(Math.min(caretLength, MAX_WIDTH));
      out.push(`  ${style.dim(`${' '.repeat(gutterWidth)} |`)} ${lead}${mark(caret)}`);
    }
  }
  return out.join('\n');
}
