// The dependency graph at workload level. Server-level edges are lifted to the workloads that
// own the servers; only `app` edges bind workloads into move groups and order waves.
import type { DEPENDENCY_CLASSIFICATIONS } from '../../schemas/vocabulary.js';
import type { Backlog } from './backlog.js';
import { fieldLocation, idKey, type Entity } from './entity.js';
import type { NodeLocation } from './place.js';
import { addTo } from './group.js';
import { defineLazy } from './lazy.js';
import { repeatedServers, serverFiguresOf, type ServerFigures } from './server-figures.js';
import { referencesIn, referenceValuesIn, typedCollection, typedKey, type ReferenceOccurrence } from './references.js';
import { componentsOfNumbers } from './strongly-connected.js';
import { sameValue } from './same-value.js';

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

/** A dependency from inside the estate to a system outside it (`external:`). */
export interface ExternalEdge {
  /** The workloads it leaves from: the workload it names, or the owners of the server it names. */
  from: Workload[];
  /** The system's name as written after `external:`. */
  name: string;
  /** The dependency's own classification, as its data has it. */
  classification: Classification;
  dependency: Entity<'dependencies'>;
}

export interface WorkloadGraph {
  edges: WorkloadEdge[];
  /** The edges from or to any of these workloads, in the order of `edges` (a snapshot's graph finds them without making the others). */
  edgesOf(workloads: ReadonlySet<Workload>): WorkloadEdge[];
  /** The dependencies on systems outside the estate whose source is in it, in file order. */
  externals: ExternalEdge[];
  /** For each workload key: the workloads it depends on through `app` edges, first edge of each pair. */
  appDependencies: Map<string, Map<string, WorkloadEdge>>;
  /** For each workload key: the workloads that depend on it through `app` edges. */
  appDependents: Map<string, Map<string, WorkloadEdge>>;
  /** Groups of two or more workloads bound in a cycle of `app` edges; members sorted by id. */
  moveGroups: Workload[][];
  moveGroupOf: Map<string, number>;
  /** By workload key: its servers, in file order. */
  serversOf: Map<string, Server[]>;
  /** By workload key: its servers as their indexes in `backlog.entities.servers`, for counts and totals (`serverFigures`). */
  serverIndexesOf: Map<string, number[]>;
  /** The fields of every server that totals add up, read without the servers. */
  serverFigures: ServerFigures;
  /** By server key: the workloads it serves (those that exist). */
  ownersOf: Map<string, Workload[]>;
}

/**
 * Whether two entities give the graph the same: of the same key, with the same fields that
 * `buildGraph` reads (keep the two alike). Two backlogs whose entities, place by place, differ
 * in nothing else have the same graph, but for which entity objects it names. `withFigures`
 * false: but for the servers' figures (status, cores, memory), which the graph keeps apart.
 */
export function sameForGraph(a: Entity, b: Entity, withFigures = true): boolean {
  if (a.collection !== b.collection || a.key !== b.key || (a.raw === undefined) !== (b.raw === undefined)) return false;
  const data = (entity: Entity) => entity.data as unknown as Record<string, unknown>;
  const written = (entity: Entity, field: string) => (entity.raw ?? data(entity))[field];
  const same = (fields: readonly string[], read: (entity: Entity, field: string) => unknown) => fields.every((field) => sameValue(read(a, field), read(b, field)));
  switch (a.collection) {
    case 'workloads':
      return same(['depends_on'], written);
    case 'servers':
      return same(['workloads'], written) && (!withFigures || same(['status', 'cores', 'memory_gb'], (entity, field) => data(entity)[field]));
    case 'dependencies':
      return same(['from', 'to', 'classification'], (entity, field) => data(entity)[field]);
    default:
      return true;
  }
}

/** The workload-level graph of a backlog: servers under their workloads, dependencies lifted to workload edges. */
export function buildGraph(backlog: Backlog): WorkloadGraph {
  const workloads = backlog.byKey.workloads;
  const serversOf = new Map<string, Server[]>();
  const serverIndexesOf = new Map<string, number[]>();
  const ownersOf = new Map<string, Workload[]>();
  const repeated = repeatedServers(backlog.entities.servers);
  backlog.entities.servers.forEach((server, index) => {
    if (repeated.has(index)) return; // The first server of the id stands for it.
    const owners = ownersOfServer(server, workloads);
    for (const owner of owners) {
      addTo(serversOf, owner.key, server);
      addTo(serverIndexesOf, owner.key, index);
    }
    ownersOf.set(server.key, owners);
  });
  const edges: WorkloadEdge[] = [];
  const externals: ExternalEdge[] = [];
  const known: KnownEntities = { workloads, ownersOf };
  for (const dependency of backlog.entities.dependencies) addDependencyEdges(dependency, known, edges, externals);
  // Every workload's depends_on, repeated ones too: an edge of a repeated workload counts as its id's.
  for (const workload of backlog.entities.workloads) addDependsOnEdges(workload, known, edges);
  const moveGroups = moveGroupsOf([...workloads.values()], edges);
  return graphOf({
    edges: () => edges,
    externals: () => externals,
    moveGroups: () => moveGroups,
    serversOf: () => serversOf,
    serverIndexesOf: () => serverIndexesOf,
    serverFigures: () => serverFiguresOf(backlog, repeated),
    ownersOf: () => ownersOf,
  });
}

/** The parts of a graph; those a query may not need come as functions, called when first read. */
export interface GraphParts {
  edges: () => WorkloadEdge[];
  /** When the parts find some workloads' edges more cheaply than among all of them. */
  edgesOf?: (workloads: ReadonlySet<Workload>) => WorkloadEdge[];
  externals: () => ExternalEdge[];
  moveGroups: () => Workload[][];
  serversOf: () => Map<string, Server[]>;
  serverIndexesOf: () => Map<string, number[]>;
  serverFigures: () => ServerFigures;
  ownersOf: () => Map<string, Workload[]>;
}

/** The graph of its parts (built here, or kept in a snapshot of the model). */
export function graphOf(parts: GraphParts): WorkloadGraph {
  // Each part made when first used: an edit whose graph is its snapshot's copies it unread.
  const graph = {} as Partial<WorkloadGraph> as WorkloadGraph;
  defineLazy(graph, 'moveGroups', parts.moveGroups);
  defineLazy(graph, 'moveGroupOf', () => {
    const moveGroupOf = new Map<string, number>();
    graph.moveGroups.forEach((group, index) => group.forEach((member) => moveGroupOf.set(member.key, index)));
    return moveGroupOf;
  });
  graph.edgesOf = parts.edgesOf ?? ((workloads) => graph.edges.filter((edge) => workloads.has(edge.from) || workloads.has(edge.to)));
  defineLazy(graph, 'edges', parts.edges);
  defineLazy(graph, 'externals', parts.externals);
  defineLazy(graph, 'serversOf', parts.serversOf);
  defineLazy(graph, 'serverIndexesOf', parts.serverIndexesOf);
  defineLazy(graph, 'serverFigures', parts.serverFigures);
  defineLazy(graph, 'ownersOf', parts.ownersOf);
  // Only queries ask which workloads one depends on, or which depend on it: validate reads
  // the edges (WAVE_ORDER) and builds neither map.
  defineLazy(graph, 'appDependencies', () => appNeighbours(graph.edges, (edge) => [edge.from.key, edge.to.key]));
  defineLazy(graph, 'appDependents', () => appNeighbours(graph.edges, (edge) => [edge.to.key, edge.from.key]));
  return graph;
}

function appNeighbours(edges: readonly WorkloadEdge[], ends: (edge: WorkloadEdge) => [string, string]): Map<string, Map<string, WorkloadEdge>> {
  const neighbours = new Map<string, Map<string, WorkloadEdge>>();
  for (const edge of edges) {
    if (edge.classification !== 'app') continue;
    const [a, b] = ends(edge);
    let inner = neighbours.get(a);
    if (!inner) neighbours.set(a, (inner = new Map()));
    if (!inner.has(b)) inner.set(b, edge);
  }
  return neighbours;
}

/** By server key: the workloads each server serves (those that exist). */
export function ownersOfServers(backlog: Backlog): Map<string, Workload[]> {
  const ownersOf = new Map<string, Workload[]>();
  for (const server of backlog.byKey.servers.values()) ownersOf.set(server.key, ownersOfServer(server, backlog.byKey.workloads));
  return ownersOf;
}

/** The workloads a server serves (those that exist). */
export function ownersOfServer(server: Server, workloads: ReadonlyMap<string, Workload>): Workload[] {
  const owners: Workload[] = [];
  for (const value of referenceValuesIn(server, 'workloads')) {
    const workload = workloads.get(idKey(value));
    if (workload && !owners.includes(workload)) owners.push(workload);
  }
  return owners;
}

/**
 * Adds the workload edges a dependency lifts to (none when an end names nothing in the estate),
 * or its edge to a system outside the estate.
 */
function addDependencyEdges(dependency: Entity<'dependencies'>, known: KnownEntities, into: WorkloadEdge[], externals: ExternalEdge[]): void {
  const { from, to, classification } = dependency.data;
  if (from === undefined || to === undefined) return;
  const sources = endpoints(from, known);
  if (typedCollection(to) === null) {
    if (sources) externals.push({ from: [...sources], name: to.slice(to.indexOf(':') + 1), classification, dependency });
    return;
  }
  const targets = endpoints(to, known);
  if (sources && targets) addEdges(into, sources, targets, classification ?? 'app', dependency);
}

/** Adds the edges of a workload's depends_on. */
function addDependsOnEdges(workload: Workload, known: KnownEntities, into: WorkloadEdge[]): void {
  for (const reference of referencesIn(workload, 'depends_on')) {
    const to = endpoints(reference.value, known);
    if (to) addEdges(into, [workload], to, 'app', undefined, reference);
  }
}

/** The workloads by key, and the owners of each server by key. */
interface KnownEntities {
  workloads: ReadonlyMap<string, Workload>;
  ownersOf: ReadonlyMap<string, Workload[]>;
}

/**
 * The workloads an end of an edge stands for: the workload itself, or the owners of a server
 * (none, it may be); undefined when it names nothing in the estate (`external:`, an unknown id).
 */
function endpoints(target: string, known: KnownEntities): readonly Workload[] | undefined {
  const collection = typedCollection(target);
  // Every server has its owners listed: one lookup finds the server and them.
  if (collection === 'servers') return known.ownersOf.get(typedKey(target));
  const workload = collection === 'workloads' ? known.workloads.get(typedKey(target)) : undefined;
  return workload ? [workload] : undefined;
}

/** Adds an edge from each workload of `from` to each of `to`. */
function addEdges(into: WorkloadEdge[], from: readonly Workload[], to: readonly Workload[], classification: Classification, dependency: Entity<'dependencies'> | undefined, dependsOn?: ReferenceOccurrence): void {
  for (const a of from) {
    // A workload reaching a server it owns itself (a shared database, its own servers) is
    // inside that workload, not a dependency on the server's other owners.
    if (to.includes(a)) continue;
    for (const b of to) into.push(new Edge(a, b, classification, dependency, dependsOn));
  }
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

export function byId(a: { id: string }, b: { id: string }): number {
  const x = a.id.toLowerCase();
  const y = b.id.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
