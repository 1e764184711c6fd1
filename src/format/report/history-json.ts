// `backlog report --history -f json`: the KPIs over time in the JSON outputs' key style
// (schemas/output/report.ts).
import type * as z from 'zod';
import type { HistoryOutput } from '../../../schemas/output/report.js';
import type { HistoryPoint, Interval } from '../../git/kpi-history.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export function historyJson(points: readonly HistoryPoint[], every: Interval): string {
  const output: z.output<typeof HistoryOutput> = {
    version: OUTPUT_VERSION,
    every,
    points: points.map((point) => ({
      date: point.date,
      commit: point.commit,
      workloads: point.workloads,
      workloadsToMove: point.workloads_to_move,
      workloadsMigrated: point.workloads_migrated,
      percentWorkloadsMigrated: point.percent_workloads_migrated,
      servers: point.servers,
      serversInService: point.servers_in_service,
      serversMigrated: point.servers_migrated,
      percentServersMigrated: point.percent_servers_migrated,
      workloadsRationalized: point.workloads_rationalized,
    })),
  };
  return jsonText(output);
}
