// `backlog diff` in a terminal: the plan first (what moved, what got more urgent, new edges),
// then each entity's changes, then the findings the change brings and fixes.
import { kindOf } from '../../diff/compare.js';
import type { PlanningChange, Review } from '../../diff/review.js';
import { plural } from '../../text/list.js';
import { printableDeep } from '../../text/printable.js';
import { cellText } from '../shared/cell-text.js';
import type { DiffFormatter } from './types.js';

const PLANNING_TITLES: Record<string, string> = {
  priority: 'Priority',
  rank: 'Rank',
  wave: 'Wave moves',
  status: 'Status',
  strategy: 'Strategy',
  owner: 'Owner',
  servers: 'Servers moved between workloads',
};

export const diffText: DiffFormatter = (raw, header, style) => {
  const review = printableDeep(raw) as Review;
  const out = [style.bold(`backlog diff ${header.base.slice(0, 7)}..${header.head === 'WORKTREE' ? 'working tree' : header.head.slice(0, 7)}`)];
  if (review.changes.length === 0 && review.findings.introduced.length === 0 && review.findings.fixed.length === 0) {
    return `${out[0]}\nNo changes to the backlog.\n`;
  }
  const counts = (kind: 'added' | 'removed' | 'changed') => review.changes.filter((c) => c.change === kind).length;
  out.push(`${plural(counts('added'), 'entity', 'entities')} added, ${counts('removed')} removed, ${counts('changed')} changed`, '');

  for (const [key, title] of Object.entries(PLANNING_TITLES)) {
    const items = review.planning[key as keyof typeof PLANNING_TITLES & keyof Review['planning']] as PlanningChange[];
    if (items.length === 0) continue;
    out.push(style.bold(title), ...items.map((item) => `  ${item.id}: ${value(item.before)} → ${value(item.after)}`), '');
  }
  if (review.planning.edgesAdded.length > 0 || review.planning.edgesRemoved.length > 0) {
    out.push(style.bold('Dependency edges'));
    for (const edge of review.planning.edgesAdded) {
      const note = edge.classification === 'app' ? '' : ` (${edge.classification})`;
      out.push(`  ${style.green('+')} ${edge.from} → ${edge.to}${note}${edge.wrongWay ? style.red('  crosses waves the wrong way') : ''}`);
    }
    for (const edge of review.planning.edgesRemoved) out.push(`  ${style.red('-')} ${edge.from} → ${edge.to}${edge.classification === 'app' ? '' : ` (${edge.classification})`}`);
    out.push('');
  }
  out.push(style.bold('Entities'));
  for (const change of review.changes) {
    const mark = change.change === 'added' ? style.green('+') : change.change === 'removed' ? style.red('-') : style.yellow('~');
    const moved = change.movedFrom ? style.dim(` (moved from ${change.movedFrom})`) : '';
    out.push(`  ${mark} ${kindOf(change.collection)} ${change.id}${style.dim(`  ${change.file}`)}${moved}`);
    if (change.change !== 'changed') continue;
    for (const field of change.fields) out.push(`      ${field.path}: ${value(field.before)} → ${value(field.after)}`);
  }
  const { introduced, fixed } = review.findings;
  if (introduced.length > 0) {
    out.push('', style.bold(`Findings introduced (${introduced.length})`));
    for (const d of introduced) out.push(`  ${d.severity === 'error' ? style.red(d.severity) : style.yellow(d.severity)}  ${d.code}  ${d.file}${d.line ? `:${d.line}` : ''}  ${d.message}`);
  }
  if (fixed.length > 0) {
    out.push('', style.bold(`Findings fixed (${fixed.length})`));
    for (const d of fixed) out.push(`  ${style.green('fixed')}  ${d.code}  ${d.message}`);
  }
  return `${out.join('\n')}\n`;
};

function value(v: unknown): string {
  return v === null || v === undefined ? '(none)' : cellText(v);
}
