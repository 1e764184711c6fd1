// `backlog report --format markdown`: the same report as tables, for a wiki page or a PR.
import type { GroupRow, Report } from '../../query/report.js';
import { percent } from '../../query/report.js';
import { bar } from '../shared/bar.js';
import { inertText } from '../shared/markdown-text.js';

const cell = (text: string) => inertText(text, 'table');
const prose = (text: string) => inertText(text, 'text');

export function reportMarkdown(report: Report): string {
  const p = report.progress;
  const { totals } = report;
  const out = [
    `## Migration progress (as of ${report.as_of})`,
    '',
    '| | progress | |',
    '| --- | --- | --- |',
    `| Workloads migrated | \`${bar(p['percent-workloads-migrated'], 10)}\` ${p['percent-workloads-migrated']}% | ${p['workloads-migrated']} of ${totals.to_move} to move |`,
    `| Servers migrated | \`${bar(p['percent-servers-migrated'], 10)}\` ${p['percent-servers-migrated']}% | ${p['servers-migrated']} of ${totals.in_service} in service |`,
    `| Workloads rationalized | \`${bar(percent(p['workloads-rationalized'], totals.workloads), 10)}\` ${percent(p['workloads-rationalized'], totals.workloads)}% | ${p['workloads-rationalized']} of ${totals.workloads} |`,
    `| Cores migrated | | ${p['cores-migrated']} of ${totals.cores} |`,
  ];
  const groups: Array<[string, GroupRow[]]> = [
    ['Workloads by status', report.by_status],
    ['By strategy', report.by_strategy],
    ['By wave', report.by_wave],
    ['By criticality', report.by_criticality],
  ];
  for (const [title, rows] of groups) {
    out.push('', `### ${title}`, '', '| | workloads | % | servers | cores |', '| --- | ---: | ---: | ---: | ---: |');
    for (const row of rows) out.push(`| ${cell(row.key)} | ${row.workloads} | ${row.percent} | ${row.servers} | ${row.cores} |`);
  }
  if (report.outcomes.length > 0) {
    out.push('', '### Business outcomes and KPIs', '', '| outcome | metric | kind | baseline | current | target | due | progress |', '| --- | --- | --- | ---: | ---: | ---: | --- | ---: |');
    for (const outcome of report.outcomes) {
      for (const m of outcome.metrics) {
        const current = m.current === null ? '' : `${m.current}${m.measure ? ' (computed)' : ''}`;
        out.push(`| ${cell(outcome.title ?? '')} | ${cell(m.name)}${m.unit ? ` (${cell(m.unit)})` : ''} | ${m.kind ?? ''} | ${cell(String(m.baseline ?? ''))} | ${cell(current)} | ${cell(String(m.target ?? ''))} | ${m.due ?? ''} | ${m.progress === null ? '' : `${m.progress}%`} |`);
      }
    }
  }
  out.push('', `### Open assumptions (${report.open_assumptions.length})`, '');
  for (const a of report.open_assumptions) out.push(`- **${prose(a.id)}**${a.review_by ? ` (review by ${a.review_by}${a.overdue ? ', overdue' : ''})` : ''}: ${prose(a.statement ?? '')}`);
  out.push('', `### Open remediations (${report.open_remediations.length})`, '');
  for (const r of report.open_remediations) out.push(`- **${prose(r.id)}** ${prose([r.severity, r.status, r.owner, r.due && `due ${r.due}`].filter(Boolean).join(', '))}: ${prose(r.title ?? '')}`);
  out.push('', `### Blocked workloads (${report.blocked_workloads.length})`, '');
  for (const w of report.blocked_workloads) out.push(`- **${prose(w.id)}** ${prose(w.name ?? '')}${w.waiting_for.length > 0 ? `, waiting for ${prose(w.waiting_for.join(', '))}` : ''}`);
  return `${out.join('\n')}\n`;
}
