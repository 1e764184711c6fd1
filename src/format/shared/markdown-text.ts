// Text from the backlog in Markdown (pull-request comments, job summaries, wiki pages) is shown
// as written and does nothing: no raw HTML (an <img> that calls home, a </details> or <!-- that
// hides the rest of the comment), no link, no image, no emphasis, no @mention or #reference that
// GitHub would act on, no code span a value can break out of. Each function is for one place a
// value can stand: a table cell (`table`), running text (`text`), or raw HTML (<summary>).
import { printable } from '../../text/printable.js';

export type MarkdownPlace = 'table' | 'text';

/**
 * A value as a code span, fenced with more backticks than any run inside it (CommonMark), so
 * that nothing in it ends the span; in a table a `|` is escaped, which GFM reads back as `|`.
 */
export function codeSpan(text: string, place: MarkdownPlace = 'text'): string {
  if (text === '') return '';
  let value = printable(text).replace(/\r?\n/g, ' ');
  if (place === 'table') value = value.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // One space either side is taken off again: kept where the text starts or ends with a backtick or a space.
  const pad = /^[`\s]|[`\s]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A value as plain text that reads as written: every character Markdown could act on escaped;
 * a word GitHub would turn into a mention, an e-mail link or an issue reference shown as code.
 */
export function inertText(text: string, place: MarkdownPlace = 'text'): string {
  const lines = printable(text).split(/\r?\n/);
  return lines.map((line) => line.split(/(\s+)/).map((word) => inertWord(word, place)).join('')).join(place === 'table' ? '<br>' : ' ');
}

function inertWord(word: string, place: MarkdownPlace): string {
  if (word.trim() === '') return word;
  if (/[@#]/.test(word)) return codeSpan(word, place);
  return word
    .replace(/[\\`*_[\]<>!|~&$]/g, (ch) => `\\${ch}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.');
}

/**
 * A message of the tool's (prose, values in `backticks`) with every value inert: each code span
 * as CommonMark reads it fenced again around what it holds, the prose between made inert. A value
 * with backticks in it may split the message other than its author meant; nothing of it acts.
 */
export function inertMessage(text: string, place: MarkdownPlace = 'text'): string {
  let out = '';
  let at = 0;
  let prose = '';
  while (at < text.length) {
    const run = /^`+/.exec(text.slice(at));
    if (!run) {
      prose += text[at];
      at += 1;
      continue;
    }
    const fence = run[0];
    const close = closingRun(text, at + fence.length, fence.length);
    if (close === -1) {
      prose += fence;
      at += fence.length;
      continue;
    }
    out += inertText(prose, place) + codeSpan(stripOneSpace(text.slice(at + fence.length, close)), place);
    prose = '';
    at = close + fence.length;
  }
  return out + inertText(prose, place);
}

/** Where a backtick run of exactly `length` starts at or after `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let match = runs.exec(text); match; match = runs.exec(text)) if (match[0].length === length) return match.index;
  return -1;
}

function stripOneSpace(content: string): string {
  return content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '' ? content.slice(1, -1) : content;
}

/** A value inside raw HTML (a <summary>): characters HTML would read escaped, shown in <code> so that GitHub mentions nothing. */
export function htmlCode(text: string): string {
  const escaped = printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<code>${escaped}</code>`;
}
