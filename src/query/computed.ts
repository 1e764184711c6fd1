// Figures about a workload that the backlog implies but nobody writes down.
import type { Entity } from '../model/entity.js';
import { sumOf, type SummedField } from '../model/server-figures.js';
import { isSettled } from '../model/status.js';
import type { QueryContext } from './context.js';

type Workload = Entity<'workloads'>;

export function serversOf({ graph }: QueryContext, workload: Workload): Entity<'servers'>[] {
  return graph.serversOf.get(workload.key) ?? [];
}

/** Its servers by index: what a count or a total needs (`totalOf`), no server decoded. */
export function serverIndexesOf({ graph }: QueryContext, workload: Workload): number[] {
  return graph.serverIndexesOf.get(workload.key) ?? [];
}

/** The servers of these workloads by index, each once (a server may serve several), in the order met. */
export function serversOfAll(context: QueryContext, workloads: Iterable<Workload>): number[] {
  // A mark per server rather than a Set: the workloads of a report's groups hold every server.
  const met = new Uint8Array(context.graph.serverFigures.status.length);
  const servers: number[] = [];
  for (const workload of workloads) {
    for (const server of serverIndexesOf(context, workload)) {
      if (met[server] === 1) continue;
      met[server] = 1;
      servers.push(server);
    }
  }
  return servers;
}

/** A field added up over servers given by index, in their order. */
export function totalOf({ graph }: QueryContext, servers: Iterable<number>, field: SummedField): number {
  return sumOf(graph.serverFigures, servers, field);
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
