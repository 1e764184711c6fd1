// The edges of a graph view, one per pair of nodes: an edge added again (another dependency
// between the same two workloads, or two edges collapsed into one) is merged into the first.
import type { Classification } from '../../model/graph.js';
import type { GraphEdge } from '../graph-view.js';

/** The most binding first: an app edge orders waves and makes move groups; noise says nothing. */
const STRENGTH: Record<Classification, number> = { app: 0, external: 1, 'shared-infra': 2, noise: 3 };

export class EdgeSet {
  private readonly edges = new Map<string, GraphEdge>();

  add(edge: GraphEdge): void {
    const key = `${edge.from}\u0000${edge.to}`;
    const seen = this.edges.get(key);
    if (!seen) {
      this.edges.set(key, { ...edge });
      return;
    }
    if (STRENGTH[edge.classification] < STRENGTH[seen.classification]) seen.classification = edge.classification;
    seen.crossWave ||= edge.crossWave;
    seen.wrongWay ||= edge.wrongWay;
    seen.count += edge.count;
  }

  values(): GraphEdge[] {
    return [...this.edges.values()];
  }
}
