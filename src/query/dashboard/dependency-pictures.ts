// The dependency pictures of the dashboard: one per wave, or per move group of a wave too large
// to draw whole, never one of everything. A picture holds its own workloads; what they depend
// on elsewhere, or what depends on them, is collapsed into one node per other wave, and systems
// outside the estate into one node, so that a picture stays readable whatever the estate's size.
// Edges are shown as `graph` shows them by default: app and external dependencies.
import type { Entity } from '../../model/entity.js';
import { addTo } from '../../model/group.js';
import { byId, type Classification } from '../../model/graph.js';
import { movesBefore, waveOf } from '../../model/status.js';
import { plural } from '../../text/list.js';
import { moveGroupLabel } from '../computed.js';
import type { QueryContext } from '../context.js';
import { externalEdges } from '../graph/workload-graph.js';

type Workload = Entity<'workloads'>;

/** The most workloads one picture draws. */
export const MOST_NODES = 24;
/** The most pictures a dashboard holds. */
const MOST_PICTURES = 16;
/** The most other waves a picture gives a box each; past it, one box for the earlier ones, one for the later. */
const MOST_WAVE_BOXES = 6;

export interface PictureNode {
  key: string;
  /** A workload of the picture, the workloads of another wave, or the systems outside the estate. */
  kind: 'workload' | 'wave' | 'external';
  label: string;
  /** A workload's id; for the other kinds, how many they stand for. */
  detail: string;
  status: string | null;
  moveGroup: string | null;
  /** What a collapsed node stands for: workload ids or external names. */
  members: string[];
}

export interface PictureEdge {
  from: string;
  to: string;
  classification: Classification;
  /** How many edges between two workloads (or a workload and a system) it stands for. */
  count: number;
  /** The dependent moves before the workload it depends on (WAVE_ORDER). */
  wrongWay: boolean;
}

export interface DependencyPicture {
  kind: 'wave' | 'move-group';
  title: string;
  nodes: PictureNode[];
  edges: PictureEdge[];
}

export interface DependencyPictures {
  pictures: DependencyPicture[];
  /** Waves with more workloads than a picture draws (their move groups are drawn instead). */
  tooLarge: Array<{ title: string; workloads: number }>;
  /** Pictures left out past MOST_PICTURES. */
  notDrawn: number;
}

interface Group {
  kind: DependencyPicture['kind'];
  title: string;
  members: Workload[];
}

/** A wave, or none: the workloads without a wave. */
type Place = Entity<'waves'> | undefined;

export function dependencyPictures(context: QueryContext): DependencyPictures {
  const { backlog, graph } = context;
  const byWave = new Map<Place, Workload[]>();
  for (const workload of [...backlog.byKey.workloads.values()].sort(byId)) addTo(byWave, waveOf(backlog, workload), workload);
  const places: Place[] = [...[...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order), undefined];

  const groups: Group[] = [];
  const tooLarge: DependencyPictures['tooLarge'] = [];
  for (const place of places) {
    const members = byWave.get(place) ?? [];
    if (members.length === 0) continue;
    if (members.length <= MOST_NODES) {
      groups.push({ kind: 'wave', title: placeLabel(place), members });
      continue;
    }
    tooLarge.push({ title: placeLabel(place), workloads: members.length });
    const moveGroups = new Map<number, Workload[]>();
    for (const workload of members) {
      const group = graph.moveGroupOf.get(workload.key);
      if (group !== undefined) addTo(moveGroups, group, workload);
    }
    for (const [, workloads] of moveGroups) {
      if (workloads.length <= MOST_NODES) groups.push({ kind: 'move-group', title: `move group ${moveGroupLabel(context, workloads[0]!)} (${placeLabel(place)})`, members: workloads });
    }
  }
  const drawn = groups.slice(0, MOST_PICTURES);
  const edges = edgesOf(context, new Set(drawn.flatMap((group) => group.members)));
  return {
    pictures: drawn.map((group) => picture(context, group, edges)),
    tooLarge,
    notDrawn: groups.length - drawn.length,
  };
}

function placeLabel(wave: Place): string {
  if (!wave) return 'no wave';
  return wave.data.name ? `${wave.id}: ${wave.data.name}` : wave.id;
}

/** An edge as a picture draws it: to a workload, or to a system outside the estate. */
interface ShownEdge {
  from: Workload;
  to: Workload | string;
  classification: Classification;
}

/** The edges shown that touch these workloads, by workload. */
function edgesOf(context: QueryContext, workloads: ReadonlySet<Workload>): Map<Workload, ShownEdge[]> {
  const found = new Map<Workload, ShownEdge[]>();
  for (const edge of context.graph.edges) {
    if (edge.classification !== 'app' && edge.classification !== 'external') continue;
    if (workloads.has(edge.from)) addTo(found, edge.from, edge);
    if (workloads.has(edge.to) && edge.to !== edge.from) addTo(found, edge.to, edge);
  }
  for (const { from, name, classification } of externalEdges(context.backlog, context)) {
    if (classification !== 'external') continue;
    for (const workload of from) if (workloads.has(workload)) addTo(found, workload, { from: workload, to: name, classification });
  }
  return found;
}

function picture(context: QueryContext, group: Group, edgesByWorkload: Map<Workload, ShownEdge[]>): DependencyPicture {
  const { backlog } = context;
  const inside = new Set(group.members);
  const keyOf = (workload: Workload) => `workload:${workload.key}`;
  const nodes = new Map<string, PictureNode>(
    group.members.map((w) => [keyOf(w), { key: keyOf(w), kind: 'workload', label: w.data.name ?? w.id, detail: w.id, status: w.data.status, moveGroup: moveGroupLabel(context, w) ?? null, members: [] }]),
  );
  const ownWave = waveOf(backlog, group.members[0]!);
  const shown = group.members.flatMap((member) => edgesByWorkload.get(member) ?? []);
  const otherWaves = new Set(shown.flatMap((edge) => [edge.from, edge.to]).filter((end): end is Workload => typeof end !== 'string' && !inside.has(end)).map((w) => waveOf(backlog, w)));
  otherWaves.delete(ownWave);
  const byOrder = otherWaves.size > MOST_WAVE_BOXES && ownWave !== undefined;
  // The box a workload outside the picture is drawn in: its wave's, or (when it would make too
  // many) the earlier or later waves'; a system outside the estate, in the outside's.
  const boxOf = (end: Workload | string): { key: string; label: string } => {
    if (typeof end === 'string') return { key: 'outside', label: 'outside the estate' };
    const wave = waveOf(backlog, end);
    if (wave === ownWave && group.kind === 'move-group') return { key: `wave:${wave?.key ?? ''}`, label: `rest of ${placeLabel(wave)}` };
    if (!byOrder || wave === undefined) return { key: `wave:${wave?.key ?? ''}`, label: placeLabel(wave) };
    return wave.data.order < ownWave!.data.order ? { key: 'earlier', label: `waves before ${ownWave!.id}` } : { key: 'later', label: `waves after ${ownWave!.id}` };
  };
  const membersOf = new Map<string, Set<string>>();
  const endOf = (end: Workload | string): string => {
    if (typeof end !== 'string' && inside.has(end)) return keyOf(end);
    const { key, label } = boxOf(end);
    let node = nodes.get(key);
    if (!node) {
      node = { key, kind: typeof end === 'string' ? 'external' : 'wave', label, detail: '', status: null, moveGroup: null, members: [] };
      nodes.set(key, node);
    }
    const member = typeof end === 'string' ? end : end.id;
    const named = membersOf.get(key) ?? new Set<string>();
    if (!named.has(member)) node.members.push(member);
    membersOf.set(key, named.add(member));
    return key;
  };
  const edges = new Map<string, PictureEdge>();
  // Several dependencies between two workloads (their servers') are one edge between them.
  const seen = new Set<string>();
  for (const edge of shown) {
    const pair = `${edge.from.key}\u0000${typeof edge.to === 'string' ? `external:${edge.to}` : edge.to.key}\u0000${edge.classification}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const from = endOf(edge.from);
    const to = endOf(edge.to);
    const wrongWay = edge.classification === 'app' && typeof edge.to !== 'string' && movesBefore(backlog, edge.from, edge.to);
    const key = `${from}\u0000${to}\u0000${edge.classification}`;
    const entry = edges.get(key);
    if (entry) {
      entry.count++;
      entry.wrongWay ||= wrongWay;
    } else edges.set(key, { from, to, classification: edge.classification, count: 1, wrongWay });
  }
  for (const node of nodes.values()) {
    if (node.kind !== 'workload') node.detail = plural(node.members.length, node.kind === 'wave' ? 'workload' : 'system');
  }
  return { kind: group.kind, title: group.title, nodes: [...nodes.values()], edges: [...edges.values()] };
}
