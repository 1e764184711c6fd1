// Orders: --sort a,-b, and the priority order of `list --priority`.
import type { Backlog } from '../model/backlog.js';
import type { Entity } from '../model/entity.js';

/** Missing values sort last in either direction; numbers as numbers; text without case. */
export function compareValues(a: unknown, b: unknown): number {
  const missingA = a === undefined || a === null || (Array.isArray(a) && a.length === 0);
  const missingB = b === undefined || b === null || (Array.isArray(b) && b.length === 0);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = (Array.isArray(a) ? a.join(',') : String(a)).toLowerCase();
  const y = (Array.isArray(b) ? b.join(',') : String(b)).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface SortKey {
  field: string;
  descending: boolean;
}

export function parseSort(text: string): SortKey[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.startsWith('-') ? { field: part.slice(1), descending: true } : { field: part.replace(/^\+/, ''), descending: false }));
}

const LEVEL = { high: 0, medium: 1, low: 2 } as const;

/**
 * The order of `list --priority`: priority high, medium, low, then unset; then `rank` (unset
 * last); then the best (lowest) rank of the workload's drivers; then id.
 */
export function comparePriority(backlog: Backlog): (a: Entity<'workloads'>, b: Entity<'workloads'>) => number {
  const driverRank = new Map<Entity<'workloads'>, number>();
  const bestDriver = (workload: Entity<'workloads'>) => {
    let best = driverRank.get(workload);
    if (best === undefined) {
      best = Infinity;
      for (const id of workload.data.drivers ?? []) best = Math.min(best, backlog.byKey.priorities.get(id.toLowerCase())?.data.rank ?? Infinity);
      driverRank.set(workload, best);
    }
    return best;
  };
  const level = (w: Entity<'workloads'>) => (w.data.priority === undefined ? 3 : LEVEL[w.data.priority]);
  const number = (a: number, b: number) => (a === b ? 0 : a < b ? -1 : 1);
  return (a, b) =>
    level(a) - level(b) ||
    number(a.data.rank ?? Infinity, b.data.rank ?? Infinity) ||
    number(bestDriver(a), bestDriver(b)) ||
    compareValues(a.id, b.id);
}
