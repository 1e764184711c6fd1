// --focus REF --depth N: the neighbourhood of one workload or server.
import { UsageError } from '../../errors.js';
import { addTo } from '../../model/group.js';
import type { Classification } from '../../model/graph.js';
import type { QueryContext } from '../context.js';
import { externalEdges, shownWithout, workloadsOf } from './workload-graph.js';
import type { GraphLevel, GraphView } from '../graph-view.js';
import { findEntity } from '../show.js';

export function focusKey(context: QueryContext, ref: string, level: GraphLevel): string {
  if (ref.startsWith('external:')) return `external:${ref.slice('external:'.length).toLowerCase()}`;
  const entity = findEntity(context, ref);
  if (entity.collection === 'workloads' || entity.collection === 'servers') {
    if (level === 'workload' && entity.collection === 'servers') {
      const owner = context.graph.ownersOf.get(entity.key)?.[0];
      if (owner) return `workload:${owner.key}`;
      throw new UsageError(`--focus ${ref}: the server belongs to no workload, so the workload graph has no node for it`, 'add --level server to see the server and its dependencies');
    }
    return `${entity.collection === 'workloads' ? 'workload' : 'server'}:${entity.key}`;
  }
  throw new UsageError(`--focus ${ref}: focus on a workload or a server`);
}

/**
 * The keys of the nodes of the workload graph within `depth` edges of the focus (either
 * direction), found on the model's edges: the view is then built for them alone.
 */
export function workloadNeighbourhood(context: QueryContext, focus: string, depth: number, allEdges: boolean): Set<string> {
  const shown = (classification: Classification) => allEdges || shownWithout(classification);
  const pairs: Array<[string, string]> = [];
  const kept = new Set([focus]);
  let frontier = new Set([focus]);
  for (let step = 0; step < depth && frontier.size > 0; step++) {
    const next = new Set<string>();
    const visit = (a: string, b: string) => {
      if (frontier.has(a) && !kept.has(b)) next.add(b);
      if (frontier.has(b) && !kept.has(a)) next.add(a);
    };
    for (const edge of context.graph.edgesOf(workloadsOf(context, frontier))) if (shown(edge.classification)) visit(`workload:${edge.from.key}`, `workload:${edge.to.key}`);
    if (step === 0) for (const { from, name, classification } of externalEdges(context.backlog, context)) if (shown(classification)) for (const w of from) pairs.push([`workload:${w.key}`, `external:${name.toLowerCase()}`]);
    for (const [a, b] of pairs) visit(a, b);
    for (const key of next) kept.add(key);
    frontier = next;
  }
  return kept;
}

/** The nodes within `depth` edges of the focus (either direction), and the edges among them; `ref` is the focus as the user wrote it. */
export function focused(view: GraphView, focus: string, depth: number, ref: string): GraphView {
  if (!view.nodes.some((node) => node.key === focus)) {
    throw new UsageError(`--focus ${ref}: not in the ${view.level} graph`, view.level === 'workload' ? undefined : 'a workload has no node at server level; focus on one of its servers');
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
