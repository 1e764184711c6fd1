// A review of a change to the backlog: what changed entity by entity, what it means for the
// plan (priorities, waves, statuses, strategies, owners, servers moving, dependency edges), and
// which findings it introduces and fixes. Pure: both sides come in already read.
import type { Backlog } from '../model/backlog.js';
import type { WorkloadGraph } from '../model/graph.js';
import type { Diagnostic } from '../validate/diagnostic.js';
import { compareBacklogs, type EntityChange } from './compare.js';

export interface ReviewSide {
  backlog: Backlog;
  graph: WorkloadGraph;
  diagnostics: readonly Diagnostic[];
}

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
  const changes = compareBacklogs(before.backlog, after.backlog);
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
  const edges = (graph: WorkloadGraph) => {
    const found = new Map<string, EdgeChange>();
    for (const edge of graph.edges) {
      const key = `${edge.from.key}\u0000${edge.to.key}\u0000${edge.classification}`;
      if (!found.has(key)) found.set(key, { from: edge.from.id, to: edge.to.id, classification: edge.classification });
    }
    return found;
  };
  const old = edges(before.graph);
  const now = edges(after.graph);
  const wrongWay = new Set(after.diagnostics.filter((d) => d.code === 'WAVE_ORDER').map((d) => d.entity));
  for (const [key, edge] of now) {
    if (!old.has(key)) planning.edgesAdded.push({ ...edge, ...(edge.classification === 'app' && wrongWay.has(`workload:${edge.from}`) ? { wrongWay: true } : {}) });
  }
  for (const [key, edge] of old) if (!now.has(key)) planning.edgesRemoved.push(edge);
  return { changes, planning, findings: findingDelta(before.diagnostics, after.diagnostics) };
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
export function findingIdentity(d: Diagnostic): string {
  const about = d.entity ?? d.file;
  const inEntity = d.entity && d.path ? JSON.stringify(d.path.slice(2)) : '';
  return `${d.code}\u0000${about}\u0000${inEntity}\u0000${d.message}`;
}
