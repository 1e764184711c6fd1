// The dashboard's wave plan: each wave as `backlog waves` sums it up, with its workloads
// counted by status.
import { WORKLOAD_STATUSES } from '../../../schemas/vocabulary.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { QueryContext } from '../context.js';
import { summarizeWaves, type WaveSummary } from '../waves.js';

export interface WavePlanEntry extends WaveSummary {
  /** Its workloads by status, in the order a workload goes through them; only the statuses it has. */
  by_status: Array<{ status: string; workloads: number }>;
}

export function wavePlan(context: QueryContext, diagnostics: readonly Diagnostic[]): WavePlanEntry[] {
  const { workloads } = context.backlog.byKey;
  return summarizeWaves(context, diagnostics).map((wave) => {
    const counts = new Map<string, number>();
    for (const id of wave.workloads) {
      const status = workloads.get(id.toLowerCase())!.data.status;
      counts.set(status, (counts.get(status) ?? 0) + 1);
    }
    const by_status = WORKLOAD_STATUSES.filter((status) => counts.has(status)).map((status) => ({ status, workloads: counts.get(status)! }));
    return { ...wave, by_status };
  });
}
