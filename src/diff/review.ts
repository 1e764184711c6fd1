// A review of a change to the backlog: what changed entity by entity, what it means for the
// plan (priorities, waves, statuses, strategies, owners, servers moving, dependency edges), and
// which findings it introduces and fixes. Pure: both sides come in already read.
import type { CollectionName } from '../../schemas/collections.js';
import type { Backlog } from '../model/backlog.js';
import { idKey } from '../model/entity.js';
import type { WorkloadGraph } from '../model/graph.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { compareBacklogs, type EntityChange } from './compare.js';

export interface ReviewSide {
  backlog: Backlog;
  diagnostics: readonly Diagnostic[];
  /** The dependency edges between workloads, each once (edgeSet). */
  edges: EdgeSet;
  /**
   * For a collection or `edges`: a value equal on both sides only when that part is the same
   * on both, known without reading it (sides from the cache); undefined when not known.
   */
  fingerprint?(part: CollectionName | 'edges'): string | undefined;
}

/** Edges by `from\0to\0classification` (ids compared case-insensitively), in graph order. */
export type EdgeSet = ReadonlyMap<string, EdgeChange>;

export interface PlanningChange {
  id: string;
  before: unknown;
  after: unknown;
}

export interface EdgeChange {
  from: string;
  to: string;
  classification: string;
  /** The edge now runs from a workload to one that moves later (what WAVE_ORDER warns about). */
  wrongWay?: boolean;
}

export interface Review {
  changes: EntityChange[];
  planning: {
    priority: PlanningChange[];
    rank: PlanningChange[];
    wave: PlanningChange[];
    status: PlanningChange[];
    strategy: PlanningChange[];
    owner: PlanningChange[];
    /** Servers whose workloads changed. */
    servers: PlanningChange[];
    edgesAdded: EdgeChange[];
    edgesRemoved: EdgeChange[];
  };
  findings: { introduced: Diagnostic[]; fixed: Diagnostic[] };
}

const WORKLOAD_FIELDS = ['priority', 'rank', 'wave', 'status', 'strategy', 'owner'] as const;

export function review(before: ReviewSide, after: ReviewSide): Review {
  const same = (part: CollectionName | 'edges') => {
    const fingerprint = before.fingerprint?.(part);
    return fingerprint !== undefined && fingerprint === after.fingerprint?.(part);
  };
  const changes = compareBacklogs(before.backlog, after.backlog, (collection) => !same(collection));
  const planning: Review['planning'] = { priority: [], rank: [], wave: [], status: [], strategy: [], owner: [], servers: [], edgesAdded: [], edgesRemoved: [] };
  for (const change of changes) {
    if (change.collection === 'workloads' && change.change === 'changed') {
      for (const field of WORKLOAD_FIELDS) {
        const found = change.fields.find((f) => f.path === field);
        if (found) planning[field].push({ id: change.id, before: found.before, after: found.after });
      }
    }
    if (change.collection === 'servers' && change.change === 'changed') {
      const found = change.fields.find((f) => f.path === 'workloads');
      if (found) planning.servers.push({ id: change.id, before: found.before, after: found.after });
    }
  }
  // Same edges: nothing added or removed, and no need to read either side's.
  const old = same('edges') ? new Map() : before.edges;
  const now = same('edges') ? old : after.edges;
  const wrongWay = new Set(after.diagnostics.filter((d) => d.code === 'WAVE_ORDER').map((d) => d.entity));
  for (const [key, edge] of now) {
    if (!old.has(key)) planning.edgesAdded.push({ ...edge, ...(edge.classification === 'app' && wrongWay.has(`workload:${edge.from}`) ? { wrongWay: true } : {}) });
  }
  for (const [key, edge] of old) if (!now.has(key)) planning.edgesRemoved.push(edge);
  return { changes, planning, findings: findingDelta(before.diagnostics, after.diagnostics) };
}

export function edgeSet(graph: WorkloadGraph): EdgeSet {
  const found = new Map<string, EdgeChange>();
  for (const edge of graph.edges) {
    const key = edgeKey(edge.from.key, edge.to.key, edge.classification);
    if (!found.has(key)) found.set(key, { from: edge.from.id, to: edge.to.id, classification: edge.classification });
  }
  return found;
}

/** The edge set of edges in the order given (as edgeSet gave them). */
export function edgeSetOf(edges: readonly EdgeChange[]): EdgeSet {
  return new Map(edges.map((edge) => [edgeKey(idKey(edge.from), idKey(edge.to), edge.classification), edge]));
}

function edgeKey(from: string, to: string, classification: string): string {
  return `${from}\u0000${to}\u0000${classification}`;
}

/**
 * Findings after and not before (introduced), and before and not after (fixed), compared
 * without positions, which any edit above them moves.
 */
export function findingDelta(before: readonly Diagnostic[], after: readonly Diagnostic[]): Review['findings'] {
  const count = (list: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of list) counts.set(findingIdentity(d), (counts.get(findingIdentity(d)) ?? 0) + 1);
    return counts;
  };
  const unmatched = (list: readonly Diagnostic[], other: Map<string, number>) =>
    list.filter((d) => {
      const left = other.get(findingIdentity(d)) ?? 0;
      if (left === 0) return true;
      other.set(findingIdentity(d), left - 1);
      return false;
    });
  return { introduced: unmatched(after, count(before)), fixed: unmatched(before, count(after)) };
}

/** A finding without its place: its code, what it is about, and what it says. */
function findingIdentity(d: Diagnostic): string {
  const about = d.entity ?? d.file;
  const inEntity = d.entity && d.path ? JSON.stringify(d.path.slice(2)) : '';
  return `${d.code}\u0000${about}\u0000${inEntity}\u0000${d.message}`;
}
