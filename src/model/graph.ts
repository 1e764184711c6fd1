// The dependency graph at workload level. Server-level edges are lifted to the workloads that
// own the servers; only `app` edges bind workloads into move groups and order waves.
import type { DEPENDENCY_CLASSIFICATIONS } from '../../schemas/dependency.js';
import type { Backlog } from './backlog.js';
import { fieldLocation, idKey, type Entity, type NodeLocation } from './entity.js';
import { defineLazy } from './lazy.js';
import { referencesIn, referenceValuesIn, typedCollection, typedKey, type ReferenceOccurrence } from './references.js';
import { stronglyConnectedComponents } from './strongly-connected.js';

type Workload = Entity<'workloads'>;
type Server = Entity<'servers'>;
export type Classification = (typeof DEPENDENCY_CLASSIFICATIONS)[number];

export interface WorkloadEdge {
  /** The workload that depends ... */
  from: Workload;
  /** ... on this one. */
  to: Workload;
  classification: Classification;
  /** Where the edge is declared: a dependency entity, or an item of a workload's depends_on. */
  origin: NodeLocation;
  /** The dependency entity it comes from; undefined for depends_on. */
  dependency: Entity<'dependencies'> | undefined;
}

/** An edge; where it is declared is worked out when asked for (only a finding on it asks). */
class Edge implements WorkloadEdge {
  constructor(
    readonly from: Workload,
    readonly to: Workload,
    readonly classification: Classification,
    readonly dependency: Entity<'dependencies'> | undefined,
    /** The item of depends_on that declares it, for an edge that is no dependency entity. */
    private readonly dependsOn: ReferenceOccurrence | undefined,
  ) {}

  get origin(): NodeLocation {
    return this.dependsOn ? this.dependsOn.location : fieldLocation(this.dependency!, 'to');
  }
}

export interface WorkloadGraph {
  edges: WorkloadEdge[];
  /** For each workload key: the workloads it depends on through `app` edges, first edge of each pair. */
  appDependencies: Map<string, Map<string, WorkloadEdge>>;
  /** For each workload key: the workloads that depend on it through `app` edges. */
  appDependents: Map<string, Map<string, WorkloadEdge>>;
  /** Groups of two or more workloads bound in a cycle of `app` edges; members sorted by id. */
  moveGroups: Workload[][];
  moveGroupOf: Map<string, number>;
  serversOf: Map<string, Server[]>;
  ownersOf: Map<string, Workload[]>;
  /**
   * The dependencies written without errors whose `from` or `to` names no entity (an unknown id,
   * or `external:`). The graph looked up both ends of every other one and found them:
   * UNKNOWN_REFERENCE looks again only at these.
   */
  openEnded: ReadonlySet<Entity<'dependencies'>>;
}

export function buildGraph(backlog: Backlog): WorkloadGraph {
  const { serversOf, ownersOf } = serverOwnership(backlog);
  const openEnded = new Set<Entity<'dependencies'>>();
  /** The workloads an end of an edge stands for: the workload itself, or the owners of a server; `dependency`: the one it is an end of. */
  const endpoints = (target: string, dependency?: Entity<'dependencies'>): Workload[] => {
    const collection = typedCollection(target);
    // Every server has its owners listed (none, it may be): one lookup finds the server and them.
    const found =
      collection === 'workloads' ? backlog.byKey.workloads.get(typedKey(target)) : collection === 'servers' ? ownersOf.get(typedKey(target)) : undefined;
    if (!found) {
      if (dependency?.valid) openEnded.add(dependency);
      return [];
    }
    return Array.isArray(found) ? found : [found];
  };

  const edges: WorkloadEdge[] = [];
  const add = (from: Workload[], to: Workload[], classification: Classification, dependency: Entity<'dependencies'> | undefined, dependsOn?: ReferenceOccurrence) => {
    for (const a of from) {
      // A workload reaching a server it owns itself (a shared database, its own servers) is
      // inside that workload, not a dependency on the server's other owners.
      if (to.includes(a)) continue;
      for (const b of to) edges.push(new Edge(a, b, classification, dependency, dependsOn));
    }
  };
  for (const dependency of backlog.entities.dependencies) {
    const { from, to, classification } = dependency.data;
    if (from === undefined || to === undefined) continue;
    add(endpoints(from, dependency), endpoints(to, dependency), classification ?? 'app', dependency);
  }
  for (const workload of backlog.entities.workloads) {
    for (const reference of referencesIn(workload, 'depends_on')) add([workload], endpoints(reference.value), 'app', undefined, reference);
  }

  const appDependencies = new Map<string, Map<string, WorkloadEdge>>();
  for (const edge of edges) if (edge.classification === 'app') addOnce(appDependencies, edge.from.key, edge.to.key, edge);

  const workloads = [...backlog.byKey.workloads.values()];
  // An edge's target is the workload of its key (the first of that id): no lookup needed.
  const components = stronglyConnectedComponents(workloads, (w) => Array.from(appDependencies.get(w.key)?.values() ?? [], (edge) => edge.to));
  const moveGroups = components
    .filter((component) => component.length > 1)
    .map((component) => component.sort(byId))
    .sort((a, b) => byId(a[0]!, b[0]!));
  const moveGroupOf = new Map<string, number>();
  moveGroups.forEach((group, index) => group.forEach((member) => moveGroupOf.set(member.key, index)));

  const graph = { edges, appDependencies, moveGroups, moveGroupOf, serversOf, ownersOf, openEnded } as Omit<WorkloadGraph, 'appDependents'> as WorkloadGraph;
  // Only queries ask who depends on a workload: validate never builds it.
  defineLazy(graph, 'appDependents', () => {
    const appDependents = new Map<string, Map<string, WorkloadEdge>>();
    for (const edge of edges) if (edge.classification === 'app') addOnce(appDependents, edge.to.key, edge.from.key, edge);
    return appDependents;
  });
  return graph;
}

function serverOwnership(backlog: Backlog) {
  const serversOf = new Map<string, Server[]>();
  const ownersOf = new Map<string, Workload[]>();
  for (const server of backlog.byKey.servers.values()) {
    const owners: Workload[] = [];
    for (const value of referenceValuesIn(server, 'workloads')) {
      const workload = backlog.byKey.workloads.get(idKey(value));
      if (!workload || owners.includes(workload)) continue;
      owners.push(workload);
      const list = serversOf.get(workload.key);
      if (list) list.push(server);
      else serversOf.set(workload.key, [server]);
    }
    ownersOf.set(server.key, owners);
  }
  return { serversOf, ownersOf };
}

function addOnce<V>(map: Map<string, Map<string, V>>, a: string, b: string, value: V): void {
  let inner = map.get(a);
  if (!inner) map.set(a, (inner = new Map()));
  if (!inner.has(b)) inner.set(b, value);
}

export function byId(a: { id: string }, b: { id: string }): number {
  const x = a.id.toLowerCase();
  const y = b.id.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
