// --focus REF --depth N: the neighbourhood of one workload or server.
import { UsageError } from '../../errors.js';
import { addTo } from '../../model/group.js';
import type { QueryContext } from '../context.js';
import type { GraphLevel, GraphView } from '../graph-view.js';
import { findEntity } from '../show.js';

export function focusKey(context: QueryContext, ref: string, level: GraphLevel): string {
  if (ref.startsWith('external:')) return `external:${ref.slice('external:'.length).toLowerCase()}`;
  const entity = findEntity(context, ref);
  if (entity.collection === 'workloads' || entity.collection === 'servers') {
    if (level === 'workload' && entity.collection === 'servers') {
      const owner = context.graph.ownersOf.get(entity.key)?.[0];
      if (owner) return `workload:${owner.key}`;
    }
    return `${entity.collection === 'workloads' ? 'workload' : 'server'}:${entity.key}`;
  }
  throw new UsageError(`--focus ${ref}: focus on a workload or a server`);
}

/** The nodes within `depth` edges of the focus (either direction), and the edges among them. */
export function focused(view: GraphView, focus: string, depth: number): GraphView {
  if (!view.nodes.some((node) => node.key === focus)) {
    throw new UsageError(`--focus: ${focus} is not in the ${view.level} graph`, view.level === 'workload' ? undefined : 'a workload has no node at server level; focus on one of its servers');
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of view.edges) {
    addTo(neighbours, edge.from, edge.to);
    addTo(neighbours, edge.to, edge.from);
  }
  const kept = new Set([focus]);
  let frontier = [focus];
  for (let step = 0; step < depth && frontier.length > 0; step++) {
    frontier = frontier.flatMap((key) => neighbours.get(key) ?? []).filter((key) => !kept.has(key));
    for (const key of frontier) kept.add(key);
  }
  return {
    ...view,
    nodes: view.nodes.filter((node) => kept.has(node.key)),
    edges: view.edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
  };
}
