// The dependency graph at workload level. Server-level edges are lifted to the workloads that
// own the servers; only `app` edges bind workloads into move groups and order waves.
import type { DEPENDENCY_CLASSIFICATIONS } from '../../schemas/vocabulary.js';
import type { Backlog } from './backlog.js';
import { fieldLocation, idKey, type Entity } from './entity.js';
import type { NodeLocation } from './place.js';
import { defineLazy } from './lazy.js';
import { referencesIn, referenceValuesIn, typedCollection, typedKey, type ReferenceOccurrence } from './references.js';
import { componentsOfNumbers } from './strongly-connected.js';

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
 * the rest, so that what can be placed then (owners of servers, the edges of dependencies and
 * of depends_on) is off the end of the load. What names an entity not known yet may name one
 * still to come: it waits for finish(). A server that waits holds up every later one (each
 * workload's servers are listed in server order); a dependency, or a workload's depends_on,
 * waits alone, and finish() puts every edge in order: the dependencies', then depends_on's, in
 * the order of their entities. The graph is the same whatever was placed early.
 */
export class GraphBuilder {
  private readonly serversOf = new Map<string, Server[]>();
  private readonly ownersOf = new Map<string, Workload[]>();
  private readonly serversNamingUnknown = new Set<Server>();
  /** How many of the servers (first of their ids) added so far are placed: a prefix of them. */
  private serversPlaced = 0;
  private serversAdded = 0;
  /** The edges of the dependencies, and of the workloads' depends_on, placed as they come. */
  private readonly dependencyEdges = new EarlyEdges<Entity<'dependencies'>>((dependency, final, edges) => this.placeDependency(dependency, final, edges));
  private readonly dependsOnEdges = new EarlyEdges<Workload>((workload, final, edges) => this.placeDependsOn(workload, final, edges));

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
      this.dependencyEdges.add(entity as Entity<'dependencies'>);
    } else if (entity.collection === 'workloads') {
      // Every workload's, repeated ones too: an edge of a repeated workload counts as its id's.
      this.dependsOnEdges.add(entity as Workload);
    }
  }

  /** The graph of the whole backlog: what waits is placed now, and the rest worked out. */
  finish(backlog: Backlog): WorkloadGraph {
    // A second graph would place the waiting servers again, into the maps of the first.
    if (this.finished) throw new Error('a graph builder finishes once');
    this.finished = true;
    const { serversOf, ownersOf, serversNamingUnknown } = this;
    let index = 0;
    for (const server of backlog.byKey.servers.values()) if (index++ >= this.serversPlaced) this.placeServer(server, true);
    const edges: WorkloadEdge[] = [];
    const edgeless: Array<Entity<'dependencies'>> = [];
    this.dependencyEdges.putInOrder(backlog.entities.dependencies, edges, (dependency, count) => {
      if (count === 0) edgeless.push(dependency);
    });
    this.dependsOnEdges.putInOrder(backlog.entities.workloads, edges);

    const moveGroups = moveGroupsOf([...backlog.byKey.workloads.values()], edges);
    const moveGroupOf = new Map<string, number>();
    moveGroups.forEach((group, index) => group.forEach((member) => moveGroupOf.set(member.key, index)));

    const graph = { edges, moveGroups, moveGroupOf, serversOf, ownersOf, edgeless, serversNamingUnknown } as Omit<WorkloadGraph, 'appDependencies' | 'appDependents'> as WorkloadGraph;
    // Only queries ask which workloads one depends on, or which depend on it: validate reads
    // the edges (WAVE_ORDER) and builds neither map.
    defineLazy(graph, 'appDependencies', () => {
      const appDependencies = new Map<string, Map<string, WorkloadEdge>>();
      for (const edge of edges) if (edge.classification === 'app') addOnce(appDependencies, edge.from.key, edge.to.key, edge);
      return appDependencies;
    });
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

  /** Adds the edges of the workload's depends_on to `edges`: how many; PENDING (nothing added) when one names a workload not known yet, unless `final`. */
  private placeDependsOn(workload: Workload, final: boolean, edges: WorkloadEdge[]): number {
    const references = referencesIn(workload, 'depends_on');
    const targets = references.map((reference) => this.endpoints(reference.value, final));
    if (targets.includes('pending')) return PENDING;
    const before = edges.length;
    references.forEach((reference, at) => {
      const to = targets[at]!;
      if (typeof to !== 'string') addEdges(edges, [workload], to, 'app', undefined, reference);
    });
    return edges.length - before;
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

/**
 * The edges of entities of one collection placed as they come, in order: per entity, how many
 * edges it made (kept in order), or PENDING when it named an entity not known yet and waits.
 */
class EarlyEdges<T extends Entity> {
  private readonly counts: number[] = [];
  private readonly edges: WorkloadEdge[] = [];

  /** `place`: adds an entity's edges to the list given, and says how many, or PENDING (unless `final`). */
  constructor(private readonly place: (entity: T, final: boolean, edges: WorkloadEdge[]) => number) {}

  /** The next entity of the collection. */
  add(entity: T): void {
    this.counts.push(this.place(entity, false, this.edges));
  }

  /**
   * Adds the edges of every entity of the collection (those added, then the rest) to `edges`,
   * in the entities' order: those that waited are placed now. `placed`: how many each made.
   */
  putInOrder(entities: readonly T[], edges: WorkloadEdge[], placed?: (entity: T, count: number) => void): void {
    /** The next of the edges placed early. */
    let next = 0;
    entities.forEach((entity, at) => {
      const early = at < this.counts.length ? this.counts[at]! : PENDING;
      const count = early === PENDING ? this.place(entity, true, edges) : early;
      if (early !== PENDING) for (const end = next + count; next < end; next++) edges.push(this.edges[next]!);
      placed?.(entity, count);
    });
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

/**
 * The move groups: workloads bound in a cycle of `app` edges, two or more, members sorted by id
 * and groups by their first. The walk runs on the workloads' places in `workloads` (the first of
 * each id): an edge of a repeated workload's depends_on counts as the first one's, as its key is.
 */
function moveGroupsOf(workloads: readonly Workload[], edges: readonly WorkloadEdge[]): Workload[][] {
  const placeOf = new Map<string, number>();
  workloads.forEach((workload, place) => placeOf.set(workload.key, place));
  // The app edges grouped by source: counted per source, then each put in its source's part.
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  const firstEdge = new Int32Array(workloads.length + 1);
  let count = 0;
  for (const edge of edges) {
    if (edge.classification !== 'app') continue;
    const source = placeOf.get(edge.from.key)!;
    sources[count] = source;
    targets[count++] = placeOf.get(edge.to.key)!;
    firstEdge[source + 1]!++;
  }
  for (let place = 0; place < workloads.length; place++) firstEdge[place + 1]! += firstEdge[place]!;
  const filled = firstEdge.slice(0, workloads.length);
  const grouped = new Int32Array(count);
  for (let at = 0; at < count; at++) grouped[filled[sources[at]!]!++] = targets[at]!;
  return componentsOfNumbers({ nodes: workloads.length, firstEdge, targets: grouped })
    .filter((component) => component.length > 1)
    .map((component) => component.map((place) => workloads[place]!).sort(byId))
    .sort((a, b) => byId(a[0]!, b[0]!));
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
