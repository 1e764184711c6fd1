// `backlog report -f json`: the report in the JSON outputs' key style (schemas/output/report.ts).
import type * as z from 'zod';
import type { ReportOutput } from '../../../schemas/output/report.js';
import type { Report } from '../../query/report.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export function reportJson(report: Report): string {
  const p = report.progress;
  const output: z.output<typeof ReportOutput> = {
    version: OUTPUT_VERSION,
    asOf: report.as_of,
    totals: { workloads: report.totals.workloads, toMove: report.totals.to_move, servers: report.totals.servers, inService: report.totals.in_service, cores: report.totals.cores },
    progress: {
      workloadsMigrated: p['workloads-migrated'],
      serversMigrated: p['servers-migrated'],
      coresMigrated: p['cores-migrated'],
      memoryGbMigrated: p['memory-gb-migrated'],
      workloadsRationalized: p['workloads-rationalized'],
      percentWorkloadsMigrated: p['percent-workloads-migrated'],
      percentServersMigrated: p['percent-servers-migrated'],
      remediationsOpen: p['remediations-open'],
      assumptionsOpen: p['assumptions-open'],
    },
    byStatus: report.by_status,
    byStrategy: report.by_strategy,
    byWave: report.by_wave,
    byCriticality: report.by_criticality,
    serversByStatus: report.servers_by_status,
    outcomes: report.outcomes,
    openAssumptions: report.open_assumptions,
    openRemediations: report.open_remediations,
    blockedWorkloads: report.blocked_workloads.map(({ waiting_for, ...workload }) => ({ ...workload, waitingFor: waiting_for })),
  };
  return jsonText(output);
}
