// The KPI history as a burn-up in the terminal: a bar per date for workloads and servers migrated.
import type { ChalkInstance } from 'chalk';
import type { HistoryPoint } from '../../git/kpi-history.js';
import { bar } from '../shared/bar.js';

export function historyChart(points: HistoryPoint[], every: string, style: ChalkInstance): string {
  const out = [style.bold(`Migration burn-up, every ${every}`), style.dim('            workloads migrated                     servers migrated')];
  for (const p of points) {
    const workloads = `${style.green(bar(p.percent_workloads_migrated))} ${String(p.workloads_migrated).padStart(4)}/${String(p.workloads_to_move).padEnd(4)}`;
    const servers = `${style.cyan(bar(p.percent_servers_migrated))} ${String(p.servers_migrated).padStart(5)}/${String(p.servers_in_service).padEnd(5)}`;
    out.push(`${p.date}  ${workloads}  ${servers}${p.commit ? style.dim(`  ${p.commit.slice(0, 7)}`) : style.dim('  (no backlog yet)')}`);
  }
  return `${out.join('\n')}\n`;
}
