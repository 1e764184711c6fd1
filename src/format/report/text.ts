// `backlog report` for a terminal: progress bars, then each breakdown, the KPIs, and what is open.
import type { ChalkInstance } from 'chalk';
import { percent, type GroupRow, type MetricRow, type Report } from '../../query/report.js';
import { plural } from '../../text/list.js';
import { printableDeep } from '../../text/printable.js';
import { bar } from '../shared/bar.js';
import { hanging, wrapText } from '../shared/wrap.js';

/** `columns`: the terminal's width, which the prose keeps within; undefined off a terminal. */
export function reportText(built: Report, style: ChalkInstance, columns?: number): string {
  const report = printableDeep(built) as Report;
  const p = report.progress;
  const out: string[] = [style.bold(`Migration progress`) + style.dim(` (as of ${report.as_of})`)];
  const { totals } = report;
  const rows: Array<[string, number, string]> = [
    ['Workloads migrated', p['percent-workloads-migrated'], `${p['workloads-migrated']} of ${totals.to_move} to move`],
    ['Servers migrated', p['percent-servers-migrated'], `${p['servers-migrated']} of ${totals.in_service} in service`],
    ['Workloads rationalized', percent(p['workloads-rationalized'], totals.workloads), `${p['workloads-rationalized']} of ${totals.workloads}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value, detail] of rows) out.push(`  ${label.padEnd(width)}  ${style.green(bar(value))} ${String(value).padStart(5)}%  ${style.dim(detail)}`);
  out.push(`  ${'Cores migrated'.padEnd(width)}  ${p['cores-migrated']} of ${report.totals.cores}`);

  out.push('', ...groupSection('Workloads by status', report.by_status, style));
  out.push('', ...groupSection('By strategy', report.by_strategy, style));
  out.push('', ...groupSection('By wave', report.by_wave, style));
  out.push('', ...groupSection('By criticality', report.by_criticality, style));

  if (report.outcomes.length > 0) {
    out.push('', style.bold('Business outcomes and KPIs'));
    for (const outcome of report.outcomes) {
      const about = [outcome.category, outcome.stakeholder].filter(Boolean).join(', ');
      out.push(hanging(`  ${style.bold(outcome.id)}  `, `${outcome.title ?? ''}${about ? style.dim(` (${about})`) : ''}`, columns));
      for (const metric of outcome.metrics) out.push(wrapText('    ', metricLine(metric, style), columns, '      ').join('\n'));
    }
  }
  out.push('', style.bold(`Open assumptions (${report.open_assumptions.length})`));
  for (const a of report.open_assumptions) out.push(hanging(`  ${a.id}  `, `${a.review_by ? (a.overdue ? style.red(`review overdue since ${a.review_by}`) : style.dim(`review by ${a.review_by}`)) : ''}  ${a.statement ?? ''}`, columns));
  out.push('', style.bold(`Open remediations (${report.open_remediations.length})`));
  for (const r of report.open_remediations) out.push(hanging(`  ${r.id}  `, `${[r.severity, r.status, r.owner, r.due && `due ${r.due}`].filter(Boolean).join(', ')}  ${r.title ?? ''}`, columns));
  out.push('', style.bold(`Blocked workloads (${report.blocked_workloads.length})`));
  for (const w of report.blocked_workloads) out.push(hanging(`  ${w.id}  `, `${w.name ?? ''}${w.waiting_for.length > 0 ? style.dim(`  waiting for ${w.waiting_for.join(', ')}`) : ''}`, columns));
  return `${out.join('\n')}\n`;
}

function groupSection(title: string, rows: GroupRow[], style: ChalkInstance): string[] {
  const width = Math.max(...rows.map((row) => row.key.length), 8);
  return [
    style.bold(title),
    ...rows.map(
      (row) => `  ${row.key.padEnd(width)}  ${style.cyan(bar(row.percent))} ${String(row.workloads).padStart(4)}  ${String(row.percent).padStart(5)}%  ${style.dim(`${plural(row.servers, 'server')}, ${plural(row.cores, 'core')}`)}`,
    ),
  ];
}

function metricLine(metric: MetricRow, style: ChalkInstance): string {
  const unit = metric.unit ? ` ${metric.unit}` : '';
  const value = (v: number | string | null) => (v === null ? '?' : `${v}${unit}`);
  const figures = `${value(metric.baseline)} → ${value(metric.current)}${metric.measure ? style.dim(' (computed)') : ''} → ${value(metric.target)}`;
  const progress = metric.progress === null ? '' : `  ${style.green(bar(metric.progress, 10))} ${metric.progress}%`;
  return `${metric.name}${metric.kind ? style.dim(` [${metric.kind}]`) : ''}: ${figures}${metric.due ? style.dim(` by ${metric.due}`) : ''}${progress}`;
}
