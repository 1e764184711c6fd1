// The graph at server level: a node per server, clustered by its (first) workload.
import { byId } from '../../model/graph.js';
import { resolveReference } from '../../model/references.js';
import { movesBefore, waveOf } from '../../model/status.js';
import { moveGroupLabel } from '../computed.js';
import type { QueryContext } from '../context.js';
import type { GraphCluster, GraphNode, GraphView } from '../graph-view.js';
import { EdgeSet } from './edge-set.js';
import { addExternal, NO_WAVE, OUTSIDE, shownWithout } from './workload-graph.js';

export function serverGraph(context: QueryContext, allEdges: boolean): GraphView {
  const { backlog, graph } = context;
  const nodes = new Map<string, GraphNode>();
  const clusters: GraphCluster[] = [];
  for (const workload of [...backlog.byKey.workloads.values()].sort(byId)) {
    const servers = graph.serversOf.get(workload.key) ?? [];
    if (servers.length > 0) clusters.push({ key: workload.key, label: workload.data.name ? `${workload.id}: ${workload.data.name}` : workload.id });
  }
  clusters.push({ key: NO_WAVE, label: 'no workload' }, { key: OUTSIDE, label: 'outside the estate' });
  for (const server of [...backlog.byKey.servers.values()].sort(byId)) {
    const owner = graph.ownersOf.get(server.key)?.[0];
    nodes.set(`server:${server.key}`, {
      key: `server:${server.key}`,
      kind: 'server',
      id: server.id,
      label: server.data.role ?? server.id,
      cluster: owner?.key ?? NO_WAVE,
      moveGroup: owner ? (moveGroupLabel(context, owner) ?? null) : null,
      status: server.data.status,
      size: 1,
    });
  }
  const edges = new EdgeSet();
  for (const dependency of backlog.entities.dependencies) {
    const { from, to, classification } = dependency.data;
    if (from === undefined || to === undefined) continue;
    if (!allEdges && !shownWithout(classification)) continue;
    const source = resolveReference(backlog, 'typed', from);
    if (source.status !== 'resolved' || source.entity.collection !== 'servers') continue;
    const target = resolveReference(backlog, 'typed', to);
    let toKey: string;
    if (target.status === 'external') {
      addExternal(nodes, target.name);
      toKey = `external:${target.name.toLowerCase()}`;
    } else if (target.status === 'resolved' && target.entity.collection === 'servers') {
      toKey = `server:${target.entity.key}`;
    } else {
      continue;
    }
    // A server moves with its (first) workload: the edge is judged as theirs is.
    const fromOwner = graph.ownersOf.get(source.entity.key)?.[0];
    const toOwner = toKey.startsWith('server:') ? graph.ownersOf.get(toKey.slice('server:'.length))?.[0] : undefined;
    const fromWave = fromOwner ? waveOf(backlog, fromOwner) : undefined;
    const toWave = toOwner ? waveOf(backlog, toOwner) : undefined;
    edges.add({
      from: `server:${source.entity.key}`,
      to: toKey,
      classification,
      crossWave: fromWave !== undefined && toWave !== undefined && fromWave !== toWave,
      wrongWay: classification === 'app' && fromOwner !== undefined && toOwner !== undefined && fromOwner !== toOwner && movesBefore(backlog, fromOwner, toOwner),
      count: 1,
    });
  }
  return { level: 'server', clusters, nodes: [...nodes.values()], edges: edges.values() };
}
