// `backlog diff -f markdown`: a pull-request comment. The first line marks it so a workflow can
// find and update its own comment; a summary table, the planning changes, the findings, a
// <details> block per changed entity, a Mermaid graph of the changed edges when there are few,
// all under GitHub's comment limit.
import { COLLECTION_NAMES } from '../../../schemas/vocabulary.js';
import { kindOf } from '../../diff/compare.js';
import type { PlanningChange, Review } from '../../diff/review.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { codeSpan, htmlCode, inertMessage, type MarkdownPlace } from '../shared/markdown-text.js';
import { mermaidText } from '../shared/mermaid-text.js';
import { cellText } from '../shared/cell-text.js';
import type { DiffFormatter } from './types.js';

export const DIFF_MARKER = '<!-- backlog-diff -->';
const MAX_COMMENT_CHARACTERS = 60_000;
const MAX_GRAPH_EDGES = 30;

const PLANNING_TITLES: Array<[keyof Review['planning'], string]> = [
  ['priority', 'Priority'],
  ['rank', 'Rank'],
  ['wave', 'Wave moves'],
  ['status', 'Status'],
  ['strategy', 'Strategy'],
  ['owner', 'Owner'],
  ['servers', 'Servers moved between workloads'],
];

export const diffMarkdown: DiffFormatter = (review, header) => {
  const head = header.head === 'WORKTREE' ? 'the working tree' : `\`${header.head.slice(0, 7)}\``;
  const top = [DIFF_MARKER, `### Backlog changes: \`${header.base.slice(0, 7)}\` → ${head}`, ''];
  if (review.changes.length === 0 && review.findings.introduced.length === 0 && review.findings.fixed.length === 0) {
    return `${[...top, 'No changes to the backlog.'].join('\n')}\n`;
  }
  top.push(...summaryTable(review), '');
  const plan = planSection(review);
  const findings = findingsSection(review);
  const graph = graphSection(review);
  const details = review.changes.map((change) => {
    // Raw HTML: <summary> is no Markdown.
    const title = `${kindOf(change.collection)} ${htmlCode(change.id)} ${change.change}${change.movedFrom ? ` (moved from ${htmlCode(change.movedFrom)})` : ''}`;
    const rows = change.fields.map((f) => `| ${codeSpan(f.path, 'table')} | ${show(f.before, 'table')} | ${show(f.after, 'table')} |`);
    return ['<details>', `<summary>${title}</summary>`, '', '| field | before | after |', '| --- | --- | --- |', ...rows, '', '</details>'].join('\n');
  });
  const fixed = [...top, ...plan, ...findings, ...graph].join('\n');
  const budget = MAX_COMMENT_CHARACTERS - fixed.length - 200;
  const shown: string[] = [];
  let used = 0;
  for (const block of details) {
    if (used + block.length + 1 > budget) break;
    shown.push(block);
    used += block.length + 1;
  }
  const truncated = details.length - shown.length;
  const tail = truncated > 0 ? [`… and ${truncated} more changed ${truncated === 1 ? 'entity' : 'entities'}, left out to keep this comment short: run \`backlog diff\` to see them all.`] : [];
  return `${[fixed, '#### Entities', '', ...shown, ...tail].join('\n')}\n`;
};

function summaryTable(review: Review): string[] {
  const rows = COLLECTION_NAMES.flatMap((collection) => {
    const of = review.changes.filter((c) => c.collection === collection);
    if (of.length === 0) return [];
    const n = (kind: string) => of.filter((c) => c.change === kind).length;
    return [`| ${collection} | ${n('added')} | ${n('removed')} | ${n('changed')} |`];
  });
  return ['| collection | added | removed | changed |', '| --- | ---: | ---: | ---: |', ...rows];
}

function planSection(review: Review): string[] {
  const lines: string[] = [];
  for (const [key, title] of PLANNING_TITLES) {
    const items = review.planning[key] as PlanningChange[];
    if (items.length > 0) lines.push(`- **${title}**: ${items.map((i) => `${codeSpan(i.id)} ${show(i.before, 'text')} → **${show(i.after, 'text')}**`).join('; ')}`);
  }
  const { edgesAdded, edgesRemoved } = review.planning;
  if (edgesAdded.length > 0) {
    lines.push(`- **New dependencies**: ${edgesAdded.map((e) => `${codeSpan(e.from)} → ${codeSpan(e.to)}${e.classification === 'app' ? '' : ` (${e.classification})`}${e.wrongWay ? ' ⚠️ crosses waves the wrong way' : ''}`).join('; ')}`);
  }
  if (edgesRemoved.length > 0) lines.push(`- **Dependencies removed**: ${edgesRemoved.map((e) => `${codeSpan(e.from)} → ${codeSpan(e.to)}`).join('; ')}`);
  return lines.length > 0 ? ['#### Plan', '', ...lines, ''] : [];
}

function findingsSection(review: Review): string[] {
  const { introduced, fixed } = review.findings;
  if (introduced.length === 0 && fixed.length === 0) return [];
  const row = (d: Diagnostic, what: string) => `| ${what} | ${d.severity} | \`${d.code}\` | ${codeSpan(d.line !== undefined ? `${d.file}:${d.line}` : d.file, 'table')} | ${inertMessage(d.message, 'table')} |`;
  return [
    `#### Findings: ${introduced.length} introduced, ${fixed.length} fixed`,
    '',
    '| | severity | code | where | message |',
    '| --- | --- | --- | --- | --- |',
    ...introduced.map((d) => row(d, '🆕 introduced')),
    ...fixed.map((d) => row(d, '✅ fixed')),
    '',
  ];
}

function graphSection(review: Review): string[] {
  const { edgesAdded, edgesRemoved } = review.planning;
  const edges = [...edgesAdded.map((e) => ({ ...e, added: true })), ...edgesRemoved.map((e) => ({ ...e, added: false }))];
  if (edges.length === 0 || edges.length > MAX_GRAPH_EDGES) return [];
  const ids = new Map<string, string>();
  const node = (id: string) => {
    if (!ids.has(id)) ids.set(id, `n${ids.size}`);
    return ids.get(id)!;
  };
  const lines = edges.map((e) => `  ${node(e.from)} ${e.added ? (e.wrongWay ? '==>|new, wrong way|' : '-->|new|') : '-.->|removed|'} ${node(e.to)}`);
  const labels = [...ids].map(([id, n]) => `  ${n}["${mermaidText(id)}"]`);
  return ['#### Changed dependency edges', '', '```mermaid', 'flowchart LR', ...labels, ...lines, '```', ''];
}

function show(value: unknown, place: MarkdownPlace): string {
  return value === null || value === undefined || cellText(value) === '' ? '*(none)*' : codeSpan(cellText(value), place);
}
