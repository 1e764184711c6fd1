// Figures about a workload that the backlog implies but nobody writes down.
import type { Entity } from '../model/entity.js';
import { isSettled } from '../model/status.js';
import type { QueryContext } from './context.js';

type Workload = Entity<'workloads'>;

export function serversOf({ graph }: QueryContext, workload: Workload): Entity<'servers'>[] {
  return graph.serversOf.get(workload.key) ?? [];
}

/** The servers of these workloads, a server of two of them once. */
export function serversOfAll(context: QueryContext, workloads: Iterable<Workload>): Entity<'servers'>[] {
  const servers = new Set<Entity<'servers'>>();
  for (const workload of workloads) for (const server of serversOf(context, workload)) servers.add(server);
  return [...servers];
}

export function sumOf(servers: Entity<'servers'>[], field: 'cores' | 'memory_gb' | 'disk_gb'): number {
  return servers.reduce((sum, server) => sum + (server.data[field] ?? 0), 0);
}

/** The workloads it depends on through `app` edges. */
export function dependenciesOf({ backlog, graph }: QueryContext, workload: Workload): Workload[] {
  return [...(graph.appDependencies.get(workload.key)?.keys() ?? [])].map((key) => backlog.byKey.workloads.get(key)!);
}

/** The workloads that depend on it through `app` edges. */
export function dependentsOf({ backlog, graph }: QueryContext, workload: Workload): Workload[] {
  return [...(graph.appDependents.get(workload.key)?.keys() ?? [])].map((key) => backlog.byKey.workloads.get(key)!);
}

/** `mg-1`, `mg-2`, ...: move groups numbered in the order of their first member's id. */
export function moveGroupLabel({ graph }: QueryContext, workload: Workload): string | undefined {
  const index = graph.moveGroupOf.get(workload.key);
  return index === undefined ? undefined : `mg-${index + 1}`;
}

/** The workloads it depends on that have not moved yet (and will: retained and retired ones never block). */
export function blockedBy(context: QueryContext, workload: Workload): Workload[] {
  return dependenciesOf(context, workload).filter((dependency) => !isSettled(dependency));
}
