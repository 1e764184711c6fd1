// `backlog graph`: the dependency graph as nodes, edges and clusters, ready for Mermaid, DOT or
// JSON. Workload level (clusters are waves) or server level (clusters are workloads).
import type { Backlog } from '../model/backlog.js';
import type { Entity } from '../model/entity.js';
import { addTo } from '../model/group.js';
import type { Classification } from '../model/graph.js';
import { parseReference, resolveReference } from '../model/references.js';
import { movesBefore, waveOf } from '../model/status.js';
import { byId } from '../model/graph.js';
import { moveGroupLabel } from './computed.js';
import type { QueryContext } from './context.js';
import { findEntity } from './show.js';
import { UsageError } from '../errors.js';

export type GraphLevel = 'workload' | 'server';

interface GraphNode {
  /** Unique across kinds: `workload:crm`, `server:SQL01`, `external:salesforce`. */
  key: string;
  kind: 'workload' | 'server' | 'external';
  id: string;
  label: string;
  cluster: string | null;
  /** The move group of a workload (or of a server's workload). */
  moveGroup: string | null;
  status: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  classification: Classification;
  /** The two ends are in different waves. */
  crossWave: boolean;
  /** `from` moves before `to`, or `to` has no wave: what WAVE_ORDER warns about. */
  wrongWay: boolean;
}

interface GraphCluster {
  key: string;
  label: string;
}

export interface GraphView {
  level: GraphLevel;
  clusters: GraphCluster[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphOptions {
  level: GraphLevel;
  focus?: string;
  depth: number;
  /** Also shared-infra and noise edges. */
  allEdges: boolean;
}

const NO_WAVE = 'no-wave';
const OUTSIDE = 'outside';

export function graphView(context: QueryContext, options: GraphOptions): GraphView {
  const view = options.level === 'workload' ? workloadGraph(context, options.allEdges) : serverGraph(context, options.allEdges);
  return options.focus === undefined ? view : focused(view, focusKey(context, options), options.depth);
}

function workloadGraph(context: QueryContext, allEdges: boolean): GraphView {
  const { backlog, graph } = context;
  const nodes = new Map<string, GraphNode>();
  const waveKey = (w: Entity<'workloads'>) => waveOf(backlog, w)?.key ?? NO_WAVE;
  for (const workload of [...backlog.byKey.workloads.values()].sort(byId)) {
    nodes.set(`workload:${workload.key}`, {
      key: `workload:${workload.key}`,
      kind: 'workload',
      id: workload.id,
      label: workload.data.name ?? workload.id,
      cluster: waveKey(workload),
      moveGroup: moveGroupLabel(context, workload) ?? null,
      status: workload.data.status,
    });
  }
  const edges = new Map<string, GraphEdge>();
  const shown = (classification: Classification) => allEdges || classification === 'app' || classification === 'external';
  for (const edge of graph.edges) {
    if (!shown(edge.classification)) continue;
    const key = `workload:${edge.from.key}->workload:${edge.to.key}:${edge.classification}`;
    if (edges.has(key)) continue;
    const fromWave = waveOf(backlog, edge.from);
    const toWave = waveOf(backlog, edge.to);
    edges.set(key, {
      from: `workload:${edge.from.key}`,
      to: `workload:${edge.to.key}`,
      classification: edge.classification,
      crossWave: fromWave !== undefined && toWave !== undefined && fromWave !== toWave,
      wrongWay: edge.classification === 'app' && movesBefore(backlog, edge.from, edge.to),
    });
  }
  for (const { from, name, classification } of externalEdges(backlog, context)) {
    if (!shown(classification)) continue;
    for (const workload of from) {
      addExternal(nodes, name);
      edges.set(`workload:${workload.key}->external:${name}`, { from: `workload:${workload.key}`, to: `external:${name}`, classification, crossWave: false, wrongWay: false });
    }
  }
  const waves = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order);
  const clusters: GraphCluster[] = [
    ...waves.map((wave) => ({ key: wave.key, label: wave.data.name ? `${wave.id}: ${wave.data.name}` : wave.id })),
    { key: NO_WAVE, label: 'no wave' },
    { key: OUTSIDE, label: 'outside the estate' },
  ];
  return { level: 'workload', clusters, nodes: [...nodes.values()], edges: [...edges.values()] };
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
  for (const dependency of backlog.entities.dependencies) {
    const { from, to, classification } = dependency.data;
    if (from === undefined || to === undefined) continue;
    const target = parseReference('typed', to);
    if (target.kind !== 'external') continue;
    const source = resolveReference(backlog, 'typed', from);
    if (source.status !== 'resolved') continue;
    const owners = source.entity.collection === 'workloads' ? [source.entity as Entity<'workloads'>] : (context.graph.ownersOf.get(source.entity.key) ?? []);
    found.push({ from: owners, name: target.id, classification: classification === 'app' ? 'external' : classification });
  }
  return found;
}

function addExternal(nodes: Map<string, GraphNode>, name: string): void {
  const key = `external:${name.toLowerCase()}`;
  if (!nodes.has(key)) nodes.set(key, { key, kind: 'external', id: name, label: name, cluster: OUTSIDE, moveGroup: null, status: null });
}

function serverGraph(context: QueryContext, allEdges: boolean): GraphView {
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
    });
  }
  const edges = new Map<string, GraphEdge>();
  for (const dependency of backlog.entities.dependencies) {
    const { from, to, classification } = dependency.data;
    if (from === undefined || to === undefined) continue;
    if (!allEdges && classification !== 'app' && classification !== 'external') continue;
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
    const fromKey = `server:${source.entity.key}`;
    // A server moves with its (first) workload: the edge is judged as theirs is.
    const fromOwner = graph.ownersOf.get(source.entity.key)?.[0];
    const toOwner = toKey.startsWith('server:') ? graph.ownersOf.get(toKey.slice('server:'.length))?.[0] : undefined;
    const fromWave = fromOwner ? waveOf(backlog, fromOwner) : undefined;
    const toWave = toOwner ? waveOf(backlog, toOwner) : undefined;
    edges.set(`${fromKey}->${toKey}:${classification}`, {
      from: fromKey,
      to: toKey,
      classification,
      crossWave: fromWave !== undefined && toWave !== undefined && fromWave !== toWave,
      wrongWay: classification === 'app' && fromOwner !== undefined && toOwner !== undefined && fromOwner !== toOwner && movesBefore(backlog, fromOwner, toOwner),
    });
  }
  return { level: 'server', clusters, nodes: [...nodes.values()], edges: [...edges.values()] };
}

function focusKey(context: QueryContext, options: GraphOptions): string {
  const ref = options.focus!;
  if (ref.startsWith('external:')) return `external:${ref.slice('external:'.length).toLowerCase()}`;
  const entity = findEntity(context, ref);
  if (entity.collection === 'workloads' || entity.collection === 'servers') {
    if (options.level === 'workload' && entity.collection === 'servers') {
      const owner = context.graph.ownersOf.get(entity.key)?.[0];
      if (owner) return `workload:${owner.key}`;
    }
    return `${entity.collection === 'workloads' ? 'workload' : 'server'}:${entity.key}`;
  }
  throw new UsageError(`--focus ${ref}: focus on a workload or a server`);
}

/** The nodes within `depth` edges of the focus (either direction), and the edges among them. */
function focused(view: GraphView, focus: string, depth: number): GraphView {
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
