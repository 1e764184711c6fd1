// The KPI history as a burn-up in the terminal: a bar per date for workloads and servers
// migrated, and the workloads rationalized (a strategy decided), within 80 columns.
import type { ChalkInstance } from 'chalk';
import type { HistoryPoint } from '../../git/kpi-history.js';
import { bar } from '../shared/bar.js';

const BAR = 12;

export function historyChart(points: HistoryPoint[], every: string, style: ChalkInstance): string {
  const head = `${' '.repeat(12)}${'workloads migrated'.padEnd(BAR + 12)}${'servers migrated'.padEnd(BAR + 14)}rationalized`;
  const out = [style.bold(`Migration burn-up, every ${every}`), style.dim(head)];
  for (const p of points) {
    if (!p.commit) {
      out.push(`${p.date}  ${style.dim('(no backlog yet)')}`);
      continue;
    }
    const workloads = `${style.green(bar(p.percent_workloads_migrated, BAR))} ${String(p.workloads_migrated).padStart(4)}/${String(p.workloads_to_move).padEnd(4)}`;
    const servers = `${style.cyan(bar(p.percent_servers_migrated, BAR))} ${String(p.servers_migrated).padStart(5)}/${String(p.servers_in_service).padEnd(5)}`;
    const rationalized = `${String(p.workloads_rationalized).padStart(4)}/${String(p.workloads).padEnd(4)}`;
    out.push(`${p.date}  ${workloads}  ${servers}  ${rationalized}${style.dim(`  ${p.commit.slice(0, 7)}`)}`);
  }
  return `${out.join('\n')}\n`;
}
