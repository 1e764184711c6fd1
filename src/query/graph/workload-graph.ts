// The graph at workload level: a node per workload, clustered by wave; systems outside the
// estate in a cluster of their own.
import type { Backlog } from '../../model/backlog.js';
import type { Entity } from '../../model/entity.js';
import { byId, type Classification } from '../../model/graph.js';
import { parseReference } from '../../model/references.js';
import { movesBefore, waveOf } from '../../model/status.js';
import { moveGroupLabel } from '../computed.js';
import type { QueryContext } from '../context.js';
import type { GraphCluster, GraphNode, GraphView } from '../graph-view.js';
import { EdgeSet } from './edge-set.js';

export const NO_WAVE = 'no-wave';
export const OUTSIDE = 'outside';

/** Without --all-edges: the edges that bind (app) and those that leave the estate. */
export const shownWithout = (classification: Classification) => classification === 'app' || classification === 'external';

/**
 * `within`: only these nodes (and the edges between them), as the whole graph has them: a focus
 * builds only its neighbourhood (focus.ts).
 */
export function workloadGraph(context: QueryContext, allEdges: boolean, within?: ReadonlySet<string>): GraphView {
  const { backlog, graph } = context;
  const nodes = new Map<string, GraphNode>();
  const waveKey = (w: Entity<'workloads'>) => waveOf(backlog, w)?.key ?? NO_WAVE;
  const kept = (key: string) => within === undefined || within.has(key);
  for (const workload of [...backlog.byKey.workloads.values()].sort(byId)) {
    if (!kept(`workload:${workload.key}`)) continue;
    nodes.set(`workload:${workload.key}`, {
      key: `workload:${workload.key}`,
      kind: 'workload',
      id: workload.id,
      label: workload.data.name ?? workload.id,
      cluster: waveKey(workload),
      moveGroup: moveGroupLabel(context, workload) ?? null,
      status: workload.data.status,
      size: 1,
    });
  }
  const edges = new EdgeSet();
  const shown = (classification: Classification) => allEdges || shownWithout(classification);
  // A neighbourhood takes only the edges of its workloads.
  for (const edge of within === undefined ? graph.edges : graph.edgesOf(workloadsOf(context, within))) {
    if (!shown(edge.classification)) continue;
    if (within !== undefined && !(within.has(`workload:${edge.from.key}`) && within.has(`workload:${edge.to.key}`))) continue;
    const fromWave = waveOf(backlog, edge.from);
    const toWave = waveOf(backlog, edge.to);
    edges.add({
      from: `workload:${edge.from.key}`,
      to: `workload:${edge.to.key}`,
      classification: edge.classification,
      crossWave: fromWave !== undefined && toWave !== undefined && fromWave !== toWave,
      wrongWay: edge.classification === 'app' && movesBefore(backlog, edge.from, edge.to),
      count: 1,
    });
  }
  for (const { from, name, classification } of externalEdges(backlog, context)) {
    if (!shown(classification)) continue;
    for (const workload of from) {
      const external = `external:${name.toLowerCase()}`;
      if (kept(external)) addExternal(nodes, name);
      if (!kept(external) || !kept(`workload:${workload.key}`)) continue;
      edges.add({ from: `workload:${workload.key}`, to: `external:${name.toLowerCase()}`, classification, crossWave: false, wrongWay: false, count: 1 });
    }
  }
  const waves = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order);
  const clusters: GraphCluster[] = [
    ...waves.map((wave) => ({ key: wave.key, label: wave.data.name ? `${wave.id}: ${wave.data.name}` : wave.id })),
    { key: NO_WAVE, label: 'no wave' },
    { key: OUTSIDE, label: 'outside the estate' },
  ];
  return { level: 'workload', clusters, nodes: [...nodes.values()], edges: edges.values() };
}

/** The workloads of these node keys, repeated ids too (an edge of a repeated workload is its id's). */
export function workloadsOf({ backlog }: QueryContext, keys: ReadonlySet<string>): Set<Entity<'workloads'>> {
  return new Set(backlog.entities.workloads.filter((workload) => keys.has(`workload:${workload.key}`)));
}

/** Edges to `external:` targets, by the workloads they leave from. */
export function externalEdges(backlog: Backlog, context: QueryContext): Array<{ from: Entity<'workloads'>[]; name: string; classification: Classification }> {
  const found: Array<{ from: Entity<'workloads'>[]; name: string; classification: Classification }> = [];
  for (const workload of backlog.byKey.workloads.values()) {
    for (const target of workload.data.depends_on ?? []) {
      const parsed = parseReference('typed', target);
      if (parsed.kind === 'external') found.push({ from: [workload], name: parsed.id, classification: 'external' });
    }
  }
  for (const { from, name, classification } of context.graph.externals) {
    found.push({ from, name, classification: classification === 'app' ? 'external' : classification });
  }
  return found;
}

export function addExternal(nodes: Map<string, GraphNode>, name: string): void {
  const key = `external:${name.toLowerCase()}`;
  if (!nodes.has(key)) nodes.set(key, { key, kind: 'external', id: name, label: name, cluster: OUTSIDE, moveGroup: null, status: null, size: 1 });
}
