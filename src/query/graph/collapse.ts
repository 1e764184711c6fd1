// Graphs made smaller by standing one node for many: every workload of a wave as that wave
// (--level wave, and the other waves around --wave), every system outside the estate of one
// classification as one node (--externals collapse). Edges between collapsed nodes are merged.
import type { GraphEdge, GraphNode, GraphView } from '../graph-view.js';
import { EdgeSet } from './edge-set.js';
import { OUTSIDE } from './workload-graph.js';

/** The view with each node replaced by the node `groupOf` gives it; edges inside one node dropped. */
function collapse(view: GraphView, groupOf: (node: GraphNode) => GraphNode): GraphView {
  const groups = new Map<string, GraphNode>();
  const groupKey = new Map<string, string>();
  for (const node of view.nodes) {
    const group = groupOf(node);
    groupKey.set(node.key, group.key);
    const seen = groups.get(group.key);
    if (!seen) groups.set(group.key, group === node ? node : { ...group, size: node.size });
    else if (group !== node) seen.size += node.size;
  }
  const edges = new EdgeSet();
  for (const edge of view.edges) {
    const from = groupKey.get(edge.from)!;
    const to = groupKey.get(edge.to)!;
    if (from !== to) edges.add({ ...edge, from, to });
  }
  return { ...view, nodes: [...groups.values()], edges: edges.values() };
}

/** A node for a wave (or for the workloads with none), standing for its workloads. */
function waveNode(view: GraphView, cluster: string): GraphNode {
  const label = view.clusters.find((c) => c.key === cluster)?.label ?? cluster;
  return { key: `wave:${cluster}`, kind: 'wave', id: cluster, label, cluster: null, moveGroup: null, status: null, size: 0 };
}

/** Each wave one node: the graph of how waves depend on each other. */
export function byWave(view: GraphView): GraphView {
  const waves = new Map<string, GraphNode>();
  const collapsed = collapse(view, (node) => {
    if (node.kind !== 'workload') return node;
    const cluster = node.cluster!;
    if (!waves.has(cluster)) waves.set(cluster, waveNode(view, cluster));
    return waves.get(cluster)!;
  });
  return { ...collapsed, level: 'wave', nodes: inClusterOrder(view, collapsed.nodes), clusters: view.clusters.filter((c) => c.key === OUTSIDE) };
}

/** Wave nodes in the order of the waves, before the others (which keep theirs). */
function inClusterOrder(view: GraphView, nodes: GraphNode[]): GraphNode[] {
  const order = new Map(view.clusters.map((cluster, i) => [`wave:${cluster.key}`, i]));
  const rank = (node: GraphNode) => (node.kind === 'wave' ? (order.get(node.key) ?? -1) : Infinity);
  return nodes.map((node, i) => ({ node, i })).sort((a, b) => rank(a.node) - rank(b.node) || a.i - b.i).map(({ node }) => node);
}

/** The workloads of one wave and the edges that touch them; workloads of other waves as one node per wave. */
export function withinWave(view: GraphView, wave: string): GraphView {
  const waves = new Map<string, GraphNode>();
  const collapsed = collapse(view, (node) => {
    if (node.kind !== 'workload' || node.cluster === wave) return node;
    const cluster = node.cluster!;
    if (!waves.has(cluster)) waves.set(cluster, waveNode(view, cluster));
    return waves.get(cluster)!;
  });
  const inWave = new Set(collapsed.nodes.filter((node) => node.cluster === wave).map((node) => node.key));
  const edges = collapsed.edges.filter((edge) => inWave.has(edge.from) || inWave.has(edge.to));
  const touched = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  return {
    ...collapsed,
    clusters: view.clusters.filter((c) => c.key === wave || c.key === OUTSIDE),
    nodes: inClusterOrder(view, collapsed.nodes.filter((node) => inWave.has(node.key) || touched.has(node.key))),
    edges,
  };
}

/**
 * Systems outside the estate: left out (`none`), or one node per classification of the edges
 * that reach them (`collapse`), a system reached by edges of two classifications counted in
 * each. A classification with one system keeps it as it is: collapsing it would say less.
 */
export function collapsedExternals(view: GraphView, mode: 'collapse' | 'none'): GraphView {
  const external = new Set(view.nodes.filter((node) => node.kind === 'external').map((node) => node.key));
  if (external.size === 0) return view;
  const inside = view.nodes.filter((node) => !external.has(node.key));
  const internal = view.edges.filter((edge) => !external.has(edge.to) && !external.has(edge.from));
  if (mode === 'none') return { ...view, nodes: inside, edges: internal };
  const reached = new Map<string, Set<string>>();
  for (const edge of view.edges) if (external.has(edge.to)) reached.set(edge.classification, (reached.get(edge.classification) ?? new Set()).add(edge.to));
  const groupKey = (edge: GraphEdge) => ((reached.get(edge.classification)?.size ?? 0) > 1 ? `externals:${edge.classification}` : edge.to);
  const edges = new EdgeSet();
  for (const edge of internal) edges.add(edge);
  for (const edge of view.edges) if (external.has(edge.to)) edges.add({ ...edge, to: groupKey(edge) });
  const outside = new Map<string, GraphNode>();
  for (const [classification, systems] of reached) {
    if (systems.size === 1) {
      const key = [...systems][0]!;
      outside.set(key, view.nodes.find((node) => node.key === key)!);
    } else {
      outside.set(`externals:${classification}`, {
        key: `externals:${classification}`,
        kind: 'externals',
        id: classification,
        label: `${systems.size} systems outside (${classification})\n${namesOf(view, systems)}`,
        cluster: OUTSIDE,
        moveGroup: null,
        status: null,
        size: systems.size,
      });
    }
  }
  return { ...view, nodes: [...inside, ...outside.values()], edges: edges.values() };
}

/** A few of the systems a collapsed node stands for, by name: `adp, concur, salesforce, +4 more`. */
function namesOf(view: GraphView, systems: ReadonlySet<string>): string {
  const names = view.nodes.filter((node) => systems.has(node.key)).map((node) => node.id).sort();
  return names.length > NAMED ? `${names.slice(0, NAMED).join(', ')}, +${names.length - NAMED} more` : names.join(', ');
}

const NAMED = 3;
