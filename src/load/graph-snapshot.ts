// The dependency graph of a model as a section of its snapshot, entities named by their index in
// their collection: a query reads the edges, move groups and servers of each workload without
// decoding the servers and dependencies they come from, and decodes only the ones it shows. The
// servers' figures that totals add up are a section of their own: only a total reads them.
import { DEPENDENCY_CLASSIFICATIONS } from '../../schemas/vocabulary.js';
import type { Backlog } from '../model/backlog.js';
import { fieldLocation, type Entity } from '../model/entity.js';
import { graphOf, ownersOfServer, ownersOfServers, type Classification, type ExternalEdge, type WorkloadEdge, type WorkloadGraph } from '../model/graph.js';
import type { NodeLocation } from '../model/place.js';
import { fromInt32Base64, int32Base64 } from './int32-base64.js';
import { LazyMap } from '../model/lazy-map.js';
import type { StoredModel } from './model-snapshot.js';
import type { ServerFigures } from '../model/server-figures.js';
import type { WrittenSection } from '../cache/cache-file.js';

type Workload = Entity<'workloads'>;

/** An edge's dependency is none: it is an item of its source's depends_on. */
const DEPENDS_ON = -1;
/** A depends_on that is no list (in error): its edge stands at the field. */
const NO_ITEM = -1;

interface StoredGraph {
  /**
   * The edges, a column each (Int32Array, in base64: read back without parsing numbers): the
   * workloads from and to, the classification (its index), the dependency (DEPENDS_ON for an
   * item of depends_on), and that item's index.
   */
  edges: [from: string, to: string, classification: string, dependency: string, item: string];
  externals: Array<[from: number[], name: string, classification: number, dependency: number]>;
  moveGroups: number[][];
  /** The servers of each workload that has any, by the workload's index. */
  serversOf: Array<[workload: number, servers: number[]]>;
}

/** The sections of the graph, and of the servers' figures. */
const GRAPH_SECTION = 'graph';
const FIGURES_SECTION = 'server-figures';

/** The server figures as JSON has them: a field left out is null. */
interface StoredFigures {
  status: Array<ServerFigures['status'][number] | null>;
  cores: Array<number | null>;
  memory_gb: Array<number | null>;
  repeated: number[];
}

/** The sections that keep a model's graph (`graphOfSections` reads them back). */
export function graphSections(backlog: Backlog, graph: WorkloadGraph): Record<string, unknown> {
  return { [GRAPH_SECTION]: storedGraph(backlog, graph), [FIGURES_SECTION]: storedFigures(graph.serverFigures) };
}

function storedFigures({ status, cores, memory_gb, repeated }: ServerFigures): StoredFigures {
  // JSON writes an undefined item of a list as null.
  return { status, cores, memory_gb, repeated: [...repeated] } as StoredFigures;
}

/**
 * The sections of the graph as another snapshot wrote them (`sectionAsWritten` of its file), to
 * be copied unread; with `figures`, the servers' figures written from these instead. Undefined
 * when it has none.
 */
export function graphSectionsAsWritten(sectionAsWritten: (name: string) => WrittenSection | undefined, figures?: ServerFigures): Record<string, unknown> | undefined {
  const graph = sectionAsWritten(GRAPH_SECTION);
  const figuresSection = figures ? storedFigures(figures) : sectionAsWritten(FIGURES_SECTION);
  return graph && figuresSection && { [GRAPH_SECTION]: graph, [FIGURES_SECTION]: figuresSection };
}

/**
 * The graph of a model read from a snapshot; `section` reads one section (and throws when there
 * is none). `serversChanged`: the indexes of servers whose figures are to be read from `model`'s
 * servers rather than from the section (an edit's, which changed nothing else of the graph).
 */
export function graphOfSections(section: <T>(name: string) => T, model: StoredModel, serversChanged: readonly number[] = []): WorkloadGraph {
  return graphOfStored(() => section<StoredGraph>(GRAPH_SECTION), model, () => {
    const stored = section<StoredFigures>(FIGURES_SECTION);
    const column = <T>(values: Array<T | null>) => values.map((value) => value ?? undefined);
    const figures = { status: column(stored.status), cores: column(stored.cores), memory_gb: column(stored.memory_gb), repeated: new Set(stored.repeated) };
    for (const index of serversChanged) {
      const { data } = model.entityAt('servers', index);
      figures.status[index] = data.status;
      figures.cores[index] = data.cores;
      figures.memory_gb[index] = data.memory_gb;
    }
    return figures;
  });
}

/** The graph with its entities as indexes. */
function storedGraph(backlog: Backlog, graph: WorkloadGraph): StoredGraph {
  const workloads = indexes(backlog.entities.workloads);
  const servers = indexes(backlog.entities.servers);
  const dependencies = indexes(backlog.entities.dependencies);
  const workload = (entity: Workload) => workloads.get(entity)!;
  const edges: number[][] = [[], [], [], [], []];
  for (const edge of graph.edges) {
    edges[0]!.push(workload(edge.from));
    edges[1]!.push(workload(edge.to));
    edges[2]!.push(classificationIndex(edge.classification));
    edges[3]!.push(edge.dependency ? dependencies.get(edge.dependency)! : DEPENDS_ON);
    edges[4]!.push(edge.dependency ? NO_ITEM : ((edge.origin.path[3] as number | undefined) ?? NO_ITEM));
  }
  return {
    edges: edges.map(int32Base64) as StoredGraph['edges'],
    externals: graph.externals.map((edge) => [edge.from.map(workload), edge.name, classificationIndex(edge.classification), dependencies.get(edge.dependency)!]),
    moveGroups: graph.moveGroups.map((group) => group.map(workload)),
    serversOf: [...graph.serversOf].map(([key, owned]) => [workload(backlog.byKey.workloads.get(key)!), owned.map((server) => servers.get(server)!)]),
  };
}

/** The graph of a model read from a snapshot: each part, and each entity in it, read when first used. */
function graphOfStored(storedGraph: () => StoredGraph, { backlog, entityAt }: StoredModel, serverFigures: () => ServerFigures): WorkloadGraph {
  // The section, the workloads and the servers' lists read when a part is first used.
  let read: { stored: StoredGraph; workloads: Workload[]; serversOf: Map<string, number[]> } | undefined;
  const graphRead = () => {
    if (!read) {
      const stored = storedGraph();
      const workloads = backlog.entities.workloads;
      read = { stored, workloads, serversOf: new Map(stored.serversOf.map(([owner, servers]) => [workloads[owner]!.key, servers])) };
    }
    return read;
  };
  let columns: Int32Array[] | undefined;
  const columnsRead = () => (columns ??= graphRead().stored.edges.map(fromInt32Base64));
  const edgeAt = (at: number) => {
    const [from, to, classification, dependency, item] = columnsRead() as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    const { workloads } = graphRead();
    return new StoredEdge(workloads[from[at]!]!, workloads[to[at]!]!, DEPENDENCY_CLASSIFICATIONS[classification[at]!]!, dependency[at]!, item[at]!, entityAt);
  };
  return graphOf({
    edges: () => Array.from(columnsRead()[0]!, (_, at) => edgeAt(at)),
    // Some workloads' edges found by their indexes in the columns: none of the others is made.
    edgesOf: (wanted) => {
      const { workloads } = graphRead();
      const marked = new Uint8Array(workloads.length);
      workloads.forEach((workload, index) => {
        if (wanted.has(workload)) marked[index] = 1;
      });
      const [from, to] = columnsRead() as [Int32Array, Int32Array];
      const found: WorkloadEdge[] = [];
      for (let at = 0; at < from.length; at++) if (marked[from[at]!] === 1 || marked[to[at]!] === 1) found.push(edgeAt(at));
      return found;
    },
    externals: () => {
      const { stored, workloads } = graphRead();
      return stored.externals.map(([from, name, classification, dependency]) => new StoredExternal(from.map((index) => workloads[index]!), name, DEPENDENCY_CLASSIFICATIONS[classification]!, dependency, entityAt));
    },
    moveGroups: () => {
      const { stored, workloads } = graphRead();
      return stored.moveGroups.map((group) => group.map((index) => workloads[index]!));
    },
    serversOf: () => {
      const { serversOf } = graphRead();
      return new LazyMap(
        (key) => serversOf.get(key)?.map((index) => entityAt('servers', index)),
        () => [...serversOf].map(([key, servers]) => [key, servers.map((index) => entityAt('servers', index))] as const),
      );
    },
    serverIndexesOf: () => graphRead().serversOf,
    serverFigures,
    // Queries ask for the owners of a few servers (those a remediation names): each is found alone.
    ownersOf: () =>
      new LazyMap(
        (key) => {
          const server = backlog.byKey.servers.get(key);
          return server && ownersOfServer(server, backlog.byKey.workloads);
        },
        () => ownersOfServers(backlog),
      ),
  });
}

/** An edge whose dependency is decoded when asked for (show asks for those of one workload). */
class StoredEdge implements WorkloadEdge {
  constructor(
    readonly from: Workload,
    readonly to: Workload,
    readonly classification: Classification,
    private readonly dependencyIndex: number,
    private readonly item: number,
    private readonly entityAt: StoredModel['entityAt'],
  ) {}

  get dependency(): Entity<'dependencies'> | undefined {
    return this.dependencyIndex === DEPENDS_ON ? undefined : this.entityAt('dependencies', this.dependencyIndex);
  }

  get origin(): NodeLocation {
    if (this.dependencyIndex !== DEPENDS_ON) return fieldLocation(this.dependency!, 'to');
    return this.item === NO_ITEM ? fieldLocation(this.from, 'depends_on') : fieldLocation(this.from, 'depends_on', this.item);
  }
}

class StoredExternal implements ExternalEdge {
  constructor(
    readonly from: Workload[],
    readonly name: string,
    readonly classification: Classification,
    private readonly dependencyIndex: number,
    private readonly entityAt: StoredModel['entityAt'],
  ) {}

  get dependency(): Entity<'dependencies'> {
    return this.entityAt('dependencies', this.dependencyIndex);
  }
}

function indexes<T>(entities: readonly T[]): Map<T, number> {
  return new Map(entities.map((entity, index) => [entity, index]));
}

/** A classification's index; -1 for none (a dependency whose classification is in error). */
function classificationIndex(classification: Classification | undefined): number {
  return classification === undefined ? -1 : DEPENDENCY_CLASSIFICATIONS.indexOf(classification);
}
