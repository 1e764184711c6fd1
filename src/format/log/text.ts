// `backlog log REF` as text: newest first, each commit with what it did to the entity.
import type { ChalkInstance } from 'chalk';
import type { HistoryEntry } from '../../git/entity-history.js';
import { printableDeep } from '../../text/printable.js';
import { cellText } from '../shared/cell-text.js';

export function logText(label: string, raw: HistoryEntry[], style: ChalkInstance): string {
  const entries = printableDeep(raw) as HistoryEntry[];
  if (entries.length === 0) return `${label}: no change in the history\n`;
  const out = [style.bold(`History of ${label}`), ''];
  for (const entry of entries) {
    out.push(`${style.yellow(entry.commit.slice(0, 7))}  ${entry.date.slice(0, 10)}  ${entry.author}  ${entry.subject}`);
    if (entry.change === 'added') out.push(`    ${style.green('added')} in ${entry.file}`);
    if (entry.movedFrom) out.push(`    moved from ${entry.movedFrom} to ${entry.file}`);
    if (entry.change !== 'added') {
      for (const field of entry.fields) out.push(`    ${field.path}: ${show(field.before)} → ${show(field.after)}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function show(value: unknown): string {
  return value === null || value === undefined ? '(none)' : cellText(value);
}
