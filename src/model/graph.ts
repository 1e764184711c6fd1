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
   * The dependencies that lift to no edge, in order: an end names no entity (an unknown id,
   * `external:`) or is in error, both ends are the same entity or workload, or an end is a
   * server of no workload. Every other dependency joins two workloads the graph found: the
   * rules about ends (UNKNOWN_REFERENCE, SELF_DEPENDENCY) look only at these.
   */
  edgeless: ReadonlyArray<Entity<'dependencies'>>;
  /**
   * The servers (the first of each id) whose `workloads` name a workload that does not exist.
   * The graph looked up every other server's workloads and found them: UNKNOWN_REFERENCE looks
   * again only at these (and at repeated servers, which the graph leaves out).
   */
  serversNamingUnknown: ReadonlySet<Server>;
}

export function buildGraph(backlog: Backlog): WorkloadGraph {
  return new GraphBuilder(backlog.byKey.workloads).finish(backlog);
}

/** The workloads an end of an edge stands for; `pending` when it names one not known yet. */
type Endpoints = readonly Workload[] | 'missing' | 'pending';

/** What placing a dependency came to when an end is not known yet (else: how many edges it made). */
const PENDING = -1;

/**
 * The graph built as the entities come, in file order: a load adds each file's while it reads
 * the rest, so that what can be placed then (owners of servers, the edges of dependencies) is
 * off the end of the load. What names an entity not known yet may name one still to come: it
 * waits for finish(). A server that waits holds up every later one (each workload's servers are
 * listed in server order); a dependency waits alone, and finish() puts every edge in the order
 * of the dependencies. The graph is the same whatever was placed early.
 */
export class GraphBuilder {
  private readonly serversOf = new Map<string, Server[]>();
  private readonly ownersOf = new Map<string, Workload[]>();
  private readonly serversNamingUnknown = new Set<Server>();
  /** How many of the servers (first of their ids) added so far are placed: a prefix of them. */
  private serversPlaced = 0;
  private serversAdded = 0;
  /** Per dependency added, in order: how many edges it made (they are in `earlyEdges`, in order), or PENDING. */
  private readonly placements: number[] = [];
  private readonly earlyEdges: WorkloadEdge[] = [];

  private finished = false;

  /**
   * `workloads`: the first workload of each key, filled as the entities come (BacklogBuilder):
   * the `byKey.workloads` of the backlog that finish() is given.
   */
  constructor(private readonly workloads: ReadonlyMap<string, Workload>) {}

  /** The next entity of the backlog; `first`: it is the first of its id in its collection. */
  add(entity: Entity, first: boolean): void {
    if (entity.collection === 'servers' && first) {
      if (this.serversPlaced === this.serversAdded++ && this.placeServer(entity as Server, false)) this.serversPlaced++;
    } else if (entity.collection === 'dependencies') {
      this.placements.push(this.placeDependency(entity as Entity<'dependencies'>, false, this.earlyEdges));
    }
  }

  /** The graph of the whole backlog: what waits is placed now, and the rest worked out. */
  finish(backlog: Backlog): WorkloadGraph {
    // A second graph would place the waiting servers again, into the maps of the first.
    if (this.finished) throw new Error('a graph builder finishes once');
    this.finished = true;
    const { serversOf, ownersOf, serversNamingUnknown, placements, earlyEdges } = this;
    let index = 0;
    for (const server of backlog.byKey.servers.values()) if (index++ >= this.serversPlaced) this.placeServer(server, true);
    const edges: WorkloadEdge[] = [];
    const edgeless: Array<Entity<'dependencies'>> = [];
    let early = 0;
    backlog.entities.dependencies.forEach((dependency, at) => {
      const placed = at < placements.length ? placements[at]! : PENDING;
      const placement = placed === PENDING ? this.placeDependency(dependency, true, edges) : placed;
      if (placed > 0) for (const end = early + placed; early < end; early++) edges.push(earlyEdges[early]!);
      if (placement === 0) edgeless.push(dependency);
    });
    for (const workload of backlog.entities.workloads) {
      for (const reference of referencesIn(workload, 'depends_on')) {
        const to = this.endpoints(reference.value, true);
        if (typeof to !== 'string') addEdges(edges, [workload], to, 'app', undefined, reference);
      }
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

    const graph = { edges, appDependencies, moveGroups, moveGroupOf, serversOf, ownersOf, edgeless, serversNamingUnknown } as Omit<WorkloadGraph, 'appDependents'> as WorkloadGraph;
    // Only queries ask who depends on a workload: validate never builds it.
    defineLazy(graph, 'appDependents', () => {
      const appDependents = new Map<string, Map<string, WorkloadEdge>>();
      for (const edge of edges) if (edge.classification === 'app') addOnce(appDependents, edge.to.key, edge.from.key, edge);
      return appDependents;
    });
    return graph;
  }

  /** Lists the server among its workloads' servers, and them as its owners; false (nothing done) when one is not known yet, unless `final`. */
  private placeServer(server: Server, final: boolean): boolean {
    const owners: Workload[] = [];
    for (const value of referenceValuesIn(server, 'workloads')) {
      const workload = this.workloads.get(idKey(value));
      if (!workload && !final) return false;
      if (!workload) this.serversNamingUnknown.add(server);
      else if (!owners.includes(workload)) owners.push(workload);
    }
    for (const owner of owners) {
      const list = this.serversOf.get(owner.key);
      if (list) list.push(server);
      else this.serversOf.set(owner.key, [server]);
    }
    this.ownersOf.set(server.key, owners);
    return true;
  }

  /** Adds the dependency's edges to `edges`: how many (none when an end names nothing); PENDING (nothing added) when an end is not known yet, unless `final`. */
  private placeDependency(dependency: Entity<'dependencies'>, final: boolean, edges: WorkloadEdge[]): number {
    const { from, to, classification } = dependency.data;
    if (from === undefined || to === undefined) return 0;
    const sources = this.endpoints(from, final);
    const targets = this.endpoints(to, final);
    if (sources === 'pending' || targets === 'pending') return PENDING;
    if (sources === 'missing' || targets === 'missing') return 0;
    return addEdges(edges, sources, targets, classification ?? 'app', dependency);
  }

  /**
   * The workloads an end of an edge stands for: the workload itself, or the owners of a server
   * (none, it may be). `missing`: it names nothing in the estate (`external:`, an unknown id);
   * an unknown id is `pending` instead, unless `final`: it may be of an entity still to come.
   */
  private endpoints(target: string, final: boolean): Endpoints {
    const collection = typedCollection(target);
    // Every server placed has its owners listed: one lookup finds the server and them.
    const found = collection === 'workloads' ? this.workloads.get(typedKey(target)) : collection === 'servers' ? this.ownersOf.get(typedKey(target)) : undefined;
    if (found) return Array.isArray(found) ? found : [found];
    return collection && !final ? 'pending' : 'missing';
  }
}

/** Adds an edge from each workload of `from` to each of `to`: how many. */
function addEdges(edges: WorkloadEdge[], from: readonly Workload[], to: readonly Workload[], classification: Classification, dependency: Entity<'dependencies'> | undefined, dependsOn?: ReferenceOccurrence): number {
  const before = edges.length;
  for (const a of from) {
    // A workload reaching a server it owns itself (a shared database, its own servers) is
    // inside that workload, not a dependency on the server's other owners.
    if (to.includes(a)) continue;
    for (const b of to) edges.push(new Edge(a, b, classification, dependency, dependsOn));
  }
  return edges.length - before;
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
