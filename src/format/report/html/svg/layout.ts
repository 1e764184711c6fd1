// Node positions and edge routes for a dependency picture, by dagre (a layered layout run when
// the report is built: the page draws what it is given, and needs no script to do it).
import { Graph, layout } from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

export interface LaidOut {
  width: number;
  height: number;
  /** Each node's centre, by key. */
  nodes: Map<string, Point>;
  /** Each edge's route, in the order the edges were given. */
  routes: Point[][];
}

export function layOut(nodes: ReadonlyArray<{ key: string; width: number; height: number }>, edges: ReadonlyArray<{ from: string; to: string }>): LaidOut {
  const graph = new Graph({ multigraph: true });
  // Dependents on the left, what they depend on to their right.
  graph.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, edgesep: 12, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.key, { width: node.width, height: node.height });
  edges.forEach((edge, index) => graph.setEdge(edge.from, edge.to, {}, String(index)));
  // The tight-tree ranker and one ordering pass lay out a picture of 25 boxes several times
  // faster than dagre's defaults, and as readably at that size.
  layout(graph, { ranker: 'tight-tree', disableOptimalOrderHeuristic: true });
  const label = graph.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(label.width ?? 0),
    height: Math.ceil(label.height ?? 0),
    nodes: new Map(nodes.map((node) => [node.key, centre(graph.node(node.key))])),
    routes: edges.map((edge, index) => ((graph.edge(edge.from, edge.to, String(index)) as { points?: Point[] }).points ?? []).map(centre)),
  };
}

const centre = (point: { x?: number; y?: number }): Point => ({ x: Math.round(point.x ?? 0), y: Math.round(point.y ?? 0) });
