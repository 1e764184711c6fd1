// The dashboard's business priorities: each with its rationale and the workloads it drives.
import type { Entity } from '../../model/entity.js';
import type { QueryContext } from '../context.js';
import { compareValues } from '../order.js';

export interface PriorityEntry {
  id: string;
  title: string;
  rank: number | null;
  type: string | null;
  due: string | null;
  rationale: string | null;
  outcomes: string[];
  /** The workloads that name it in `drivers`, in priority order. */
  workloads: Array<{ id: string; name: string; status: string }>;
}

/** `ordered`: the workloads in priority order. */
export function prioritiesWithWorkloads({ backlog }: QueryContext, ordered: readonly Entity<'workloads'>[]): PriorityEntry[] {
  const driven = new Map<string, PriorityEntry['workloads']>();
  for (const workload of ordered) {
    for (const key of new Set((workload.data.drivers ?? []).map((id) => id.toLowerCase()))) {
      const list = driven.get(key) ?? [];
      list.push({ id: workload.id, name: workload.data.name ?? '', status: workload.data.status });
      driven.set(key, list);
    }
  }
  return [...backlog.byKey.priorities.values()]
    .sort((a, b) => compareValues(a.data.rank, b.data.rank) || compareValues(a.id, b.id))
    .map((priority) => ({
      id: priority.id,
      title: priority.data.title ?? '',
      rank: priority.data.rank ?? null,
      type: priority.data.type ?? null,
      due: priority.data.due ?? null,
      rationale: priority.data.rationale ?? null,
      outcomes: priority.data.outcomes ?? [],
      workloads: driven.get(priority.key) ?? [],
    }));
}
