// `backlog graph`: the dependency graph as nodes, edges and clusters, ready for Mermaid, DOT or
// JSON. Workload level (clusters are waves), server level (clusters are workloads) or wave
// level (each wave one node). Parallel edges are merged into one that counts them; systems
// outside the estate are collapsed into one node per classification unless asked otherwise.
import type { Classification } from '../model/graph.js';
import { UsageError } from '../errors.js';
import { didYouMeanHint } from '../text/did-you-mean.js';
import type { QueryContext } from './context.js';
import { byWave, collapsedExternals, withinWave } from './graph/collapse.js';
import { focused, focusKey, workloadNeighbourhood } from './graph/focus.js';
import { serverGraph } from './graph/server-graph.js';
import { workloadGraph } from './graph/workload-graph.js';

export type GraphLevel = 'workload' | 'server' | 'wave';

/** Systems outside the estate: each its own node, one node per classification, or left out. */
export type ExternalsMode = 'all' | 'collapse' | 'none';

export interface GraphNode {
  /** Unique across kinds: `workload:crm`, `server:SQL01`, `external:salesforce`, `wave:wave-2`, `externals:external`. */
  key: string;
  kind: 'workload' | 'server' | 'external' | 'wave' | 'externals';
  id: string;
  label: string;
  cluster: string | null;
  /** The move group of a workload (or of a server's workload). */
  moveGroup: string | null;
  status: string | null;
  /** How many workloads (or systems outside) a collapsed node stands for; 1 for the others. */
  size: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The most binding of the dependencies it stands for: app, external, shared-infra, then noise. */
  classification: Classification;
  /** The two ends are in different waves. */
  crossWave: boolean;
  /** `from` moves before `to`, or `to` has no wave: what WAVE_ORDER warns about. */
  wrongWay: boolean;
  /** How many dependencies it stands for (parallel edges merged). */
  count: number;
}

export interface GraphCluster {
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
  externals: ExternalsMode;
  /** Only this wave's workloads; their neighbours in other waves collapsed into one node per wave. */
  wave?: string;
}

export function graphView(context: QueryContext, options: GraphOptions): GraphView {
  if (options.wave !== undefined && options.level !== 'workload') throw new UsageError(`--wave shows the workloads of a wave: it goes with --level workload, not ${options.level}`);
  if (options.focus !== undefined && options.level === 'wave') throw new UsageError('--focus goes with --level workload or server: at wave level every wave is shown');
  if (options.focus !== undefined && options.wave !== undefined) throw new UsageError('--focus and --wave each choose what to show: use one');
  let view: GraphView;
  if (options.focus !== undefined && options.level === 'workload') {
    // Only the neighbourhood is built: the same nodes and edges as cut from the whole graph.
    const focus = focusKey(context, options.focus, options.level);
    view = focused(workloadGraph(context, options.allEdges, workloadNeighbourhood(context, focus, options.depth, options.allEdges)), focus, options.depth, options.focus);
  } else {
    view = options.level === 'server' ? serverGraph(context, options.allEdges) : workloadGraph(context, options.allEdges);
    if (options.focus !== undefined) view = focused(view, focusKey(context, options.focus, options.level), options.depth, options.focus);
  }
  if (options.wave !== undefined) view = withinWave(view, waveKeyOf(context, options.wave));
  if (options.level === 'wave') view = byWave(view);
  if (options.externals !== 'all') view = collapsedExternals(view, options.externals);
  return view;
}

function waveKeyOf(context: QueryContext, wave: string): string {
  const found = context.backlog.byKey.waves.get(wave.toLowerCase());
  if (!found) {
    const ids = [...context.backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order).map((w) => w.id);
    throw new UsageError(`--wave ${wave}: there is no wave \`${wave}\``, didYouMeanHint(wave, ids) ?? (ids.length > 0 ? `the waves are ${ids.join(', ')}` : 'the backlog has no waves'));
  }
  return found.key;
}
