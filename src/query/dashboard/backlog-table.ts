// The dashboard's backlog: every workload in priority order, with what selecting one shows
// (its servers, dependencies both ways, assumptions, risks, remediations). Servers and the
// small collections are listed once and named by their index, so that a page holding 10,000
// workloads and 50,000 servers stays small.
import { DEPENDENCY_CLASSIFICATIONS } from '../../../schemas/vocabulary.js';
import type { Entity } from '../../model/entity.js';
import { addTo } from '../../model/group.js';
import type { Classification } from '../../model/graph.js';
import { waveOf } from '../../model/status.js';
import type { QueryContext } from '../context.js';
import { externalEdges } from '../graph/workload-graph.js';

type Workload = Entity<'workloads'>;

interface BacklogWorkload {
  id: string;
  name: string;
  priority: string | null;
  status: string;
  wave: string | null;
  strategy: string | null;
  owner: string | null;
  criticality: string | null;
  /** Indices into `servers`. */
  servers: number[];
  /** The workloads it depends on: indices into `workloads`, with the edge's classification. */
  dependsOn: Array<{ workload: number; classification: Classification }>;
  /** Systems outside the estate it depends on. */
  external: string[];
  /** Indices into `assumptions`, `risks` and `remediations`. */
  assumptions: number[];
  risks: number[];
  remediations: number[];
}

export interface BacklogTable {
  /** In the order of `list --priority`. */
  workloads: BacklogWorkload[];
  servers: Array<{ id: string; os: string | null; cores: number | null; memory_gb: number | null; status: string }>;
  assumptions: Array<{ id: string; statement: string; status: string }>;
  risks: Array<{ id: string; title: string; severity: string | null; status: string }>;
  remediations: Array<{ id: string; title: string; severity: string | null; status: string }>;
}

/** `ordered`: the workloads in priority order. */
export function backlogTable(context: QueryContext, ordered: readonly Workload[]): BacklogTable {
  const { backlog, graph } = context;
  const indexOf = new Map(ordered.map((workload, index) => [workload, index]));

  const servers: BacklogTable['servers'] = [];
  const serverIndex = new Map<Entity<'servers'>, number>();
  const serverNumber = (server: Entity<'servers'>) => {
    let index = serverIndex.get(server);
    if (index === undefined) {
      index = servers.push({ id: server.id, os: server.data.os ?? null, cores: server.data.cores ?? null, memory_gb: server.data.memory_gb ?? null, status: server.data.status }) - 1;
      serverIndex.set(server, index);
    }
    return index;
  };

  // Several dependencies between the servers of two workloads are one edge between them.
  const dependsOn = new Map<Workload, BacklogWorkload['dependsOn']>();
  const seen = new Set<number>();
  const classifications = DEPENDENCY_CLASSIFICATIONS.length;
  for (const edge of graph.edges) {
    const to = indexOf.get(edge.to)!;
    const key = (indexOf.get(edge.from)! * ordered.length + to) * classifications + DEPENDENCY_CLASSIFICATIONS.indexOf(edge.classification);
    if (seen.has(key)) continue;
    seen.add(key);
    addTo(dependsOn, edge.from, { workload: to, classification: edge.classification });
  }
  const external = new Map<Workload, Set<string>>();
  for (const { from, name } of externalEdges(backlog, context)) {
    for (const workload of from) {
      const names = external.get(workload) ?? new Set();
      external.set(workload, names.add(name));
    }
  }

  const { assumptions, risks, remediations } = backlog.entities;
  const assumptionsOf = indicesByWorkload(assumptions, (a) => a.data.applies_to);
  const assumptionIndex = new Map(assumptions.map((a, index) => [a.key, index]));
  for (const workload of ordered) {
    for (const id of workload.data.assumptions ?? []) {
      const index = assumptionIndex.get(id.toLowerCase());
      if (index !== undefined) addIndex(assumptionsOf, workload.key, index);
    }
  }
  const risksOf = indicesByWorkload(risks, (r) => r.data.workloads);
  const remediationsOf = remediationsByWorkload(context);
  const sorted = (indices: Set<number> | undefined) => [...(indices ?? [])].sort((a, b) => a - b);

  return {
    workloads: ordered.map((workload) => ({
      id: workload.id,
      name: workload.data.name ?? '',
      priority: workload.data.priority ?? null,
      status: workload.data.status,
      wave: waveOf(backlog, workload)?.id ?? workload.data.wave ?? null,
      strategy: workload.data.strategy ?? null,
      owner: workload.data.owner ?? null,
      criticality: workload.data.criticality ?? null,
      servers: (graph.serversOf.get(workload.key) ?? []).map(serverNumber),
      dependsOn: dependsOn.get(workload) ?? [],
      external: [...(external.get(workload) ?? [])],
      assumptions: sorted(assumptionsOf.get(workload.key)),
      risks: sorted(risksOf.get(workload.key)),
      remediations: sorted(remediationsOf.get(workload.key)),
    })),
    servers,
    assumptions: assumptions.map((a) => ({ id: a.id, statement: a.data.statement ?? '', status: a.data.status })),
    risks: risks.map((r) => ({ id: r.id, title: r.data.title ?? '', severity: r.data.severity ?? null, status: r.data.status ?? 'open' })),
    remediations: remediations.map((r) => ({ id: r.id, title: r.data.title ?? '', severity: r.data.severity ?? null, status: r.data.status ?? 'open' })),
  };
}

/** Each workload's remediations, by index: those naming it, and those naming one of its servers. */
export function remediationsByWorkload({ backlog, graph }: QueryContext): Map<string, Set<number>> {
  const found = indicesByWorkload(backlog.entities.remediations, (r) => r.data.workloads);
  backlog.entities.remediations.forEach((remediation, index) => {
    for (const id of remediation.data.servers ?? []) {
      for (const owner of graph.ownersOf.get(id.toLowerCase()) ?? []) addIndex(found, owner.key, index);
    }
  });
  return found;
}

/** The entities of a collection by the workload keys a field of theirs names. */
function indicesByWorkload<E>(entities: readonly E[], workloadIds: (entity: E) => readonly string[] | undefined): Map<string, Set<number>> {
  const found = new Map<string, Set<number>>();
  entities.forEach((entity, index) => {
    for (const id of workloadIds(entity) ?? []) addIndex(found, id.toLowerCase(), index);
  });
  return found;
}

function addIndex(map: Map<string, Set<number>>, key: string, index: number): void {
  const set = map.get(key);
  if (set) set.add(index);
  else map.set(key, new Set([index]));
}
