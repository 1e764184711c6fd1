// `backlog report`: progress and KPIs — counts and percentages by status, strategy, wave and
// criticality; every outcome metric with its computed figures filled in; what is open, blocked.
import type { MEASURES } from '../../schemas/outcome.js';
import type { Entity } from '../model/entity.js';
import { addTo } from '../model/group.js';
import { hasMoved, isRationalized, stays, waveOf } from '../model/status.js';
import type { Backlog } from '../model/backlog.js';
import { firstServers, inService, sumOf, type ServerFigures } from '../model/server-figures.js';
import { blockedBy, serverIndexesOf } from './computed.js';
import type { QueryContext } from './context.js';

type Workload = Entity<'workloads'>;
type Measure = (typeof MEASURES)[number];

export interface GroupRow {
  key: string;
  workloads: number;
  percent: number;
  servers: number;
  cores: number;
}

export interface MetricRow {
  id: string;
  name: string;
  kind: string | null;
  unit: string | null;
  baseline: number | string | null;
  current: number | string | null;
  target: number | string | null;
  due: string | null;
  /** Set when `current` is computed from the backlog. */
  measure: string | null;
  /** How far from baseline to target, in percent, when all three are numbers. */
  progress: number | null;
}

export interface Report {
  as_of: string;
  /** `to_move`: workloads that do not stay; `in_service`: servers not decommissioned (the denominators of the percentages). */
  totals: { workloads: number; to_move: number; servers: number; in_service: number; cores: number };
  progress: Record<Measure, number>;
  by_status: GroupRow[];
  by_strategy: GroupRow[];
  by_wave: GroupRow[];
  by_criticality: GroupRow[];
  servers_by_status: Array<{ key: string; servers: number; percent: number; cores: number }>;
  outcomes: Array<{ id: string; title: string | null; category: string | null; stakeholder: string | null; metrics: MetricRow[] }>;
  open_assumptions: Array<{ id: string; statement: string | null; owner: string | null; review_by: string | null; overdue: boolean }>;
  open_remediations: Array<{ id: string; title: string | null; severity: string | null; status: string; owner: string | null; due: string | null }>;
  blocked_workloads: Array<{ id: string; name: string | null; wave: string | null; waiting_for: string[] }>;
}

const CLOSED_REMEDIATIONS = new Set(['done', 'wont-fix', 'accepted-risk']);

/** Not done, dropped or accepted as a risk: still to be worked on. */
export function isOpenRemediation(remediation: Entity<'remediations'>): boolean {
  return !CLOSED_REMEDIATIONS.has(remediation.data.status ?? 'open');
}

export function buildReport(context: QueryContext, asOf: string): Report {
  const { backlog } = context;
  const workloads = [...backlog.byKey.workloads.values()];
  const figures = context.graph.serverFigures;
  // The servers by index, with their figures: no server is decoded for a total.
  const servers = firstServers(figures);
  const progress = measures(backlog, figures, servers);
  const marks = new ServerMarks(figures.status.length);
  const group = (keyOf: (w: Workload) => string, order: string[] = [], everyKey = false) => groupRows(context, marks, workloads, keyOf, order, everyKey);
  const waveKeys = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order).map((w) => w.id);

  return {
    as_of: asOf,
    totals: {
      workloads: workloads.length,
      to_move: workloads.filter((w) => !stays(w)).length,
      servers: servers.length,
      in_service: inService(figures, servers).length,
      cores: sumOf(figures, servers, 'cores'),
    },
    progress,
    by_status: group((w) => w.data.status),
    by_strategy: group((w) => w.data.strategy ?? '(none)'),
    // Every wave, the empty ones too: a plan shows where there is room.
    by_wave: group((w) => waveOf(backlog, w)?.id ?? '(no wave)', waveKeys, true),
    by_criticality: group((w) => w.data.criticality ?? '(none)', ['mission-critical', 'unit-critical', 'high', 'medium', 'low', 'unsupported']),
    servers_by_status: serversByStatus(figures, servers),
    outcomes: backlog.entities.outcomes.map((outcome) => ({
      id: outcome.id,
      // An entity in error may lack even the fields it needs.
      title: outcome.data.title ?? null,
      category: outcome.data.category ?? null,
      stakeholder: outcome.data.stakeholder ?? null,
      metrics: (outcome.data.metrics ?? []).map((metric) => {
        const current = metric.measure !== undefined ? progress[metric.measure] : (metric.current ?? null);
        return {
          id: metric.id,
          name: metric.name,
          kind: metric.kind ?? null,
          unit: metric.unit ?? (metric.measure?.startsWith('percent') ? '%' : null),
          baseline: metric.baseline ?? null,
          current,
          target: metric.target ?? null,
          due: metric.due ?? null,
          measure: metric.measure ?? null,
          progress: progressOf(metric.baseline, current, metric.target),
        };
      }),
    })),
    open_assumptions: backlog.entities.assumptions
      .filter((a) => a.data.status === 'open')
      .map((a) => ({ id: a.id, statement: a.data.statement ?? null, owner: a.data.owner ?? null, review_by: a.data.review_by ?? null, overdue: a.data.review_by !== undefined && a.data.review_by < asOf })),
    open_remediations: backlog.entities.remediations
      .filter(isOpenRemediation)
      .map((r) => ({ id: r.id, title: r.data.title ?? null, severity: r.data.severity ?? null, status: r.data.status ?? 'open', owner: r.data.owner ?? null, due: r.data.due ?? null })),
    blocked_workloads: workloads
      .filter((w) => w.data.status === 'blocked')
      .map((w) => ({ id: w.id, name: w.data.name ?? null, wave: waveOf(backlog, w)?.id ?? null, waiting_for: blockedBy(context, w).map((d) => d.id) })),
  };
}

/** The figures a metric's `measure` names, computed from the backlog and its servers' figures (no graph needed); `servers`: the first of each id, when at hand. */
export function measures(backlog: Backlog, serverFigures: ServerFigures, servers = firstServers(serverFigures)): Record<Measure, number> {
  const workloads = [...backlog.byKey.workloads.values()];
  const { status } = serverFigures;
  const migratedServers = servers.filter((s) => status[s] === 'migrated');
  const migrated = workloads.filter(hasMoved).length;
  const toMove = workloads.filter((w) => !stays(w)).length;
  const inServiceCount = inService(serverFigures, servers).length;
  return {
    'workloads-migrated': migrated,
    'servers-migrated': migratedServers.length,
    'cores-migrated': sumOf(serverFigures, migratedServers, 'cores'),
    'memory-gb-migrated': sumOf(serverFigures, migratedServers, 'memory_gb'),
    'workloads-rationalized': workloads.filter(isRationalized).length,
    'percent-workloads-migrated': percent(migrated, toMove),
    'percent-servers-migrated': percent(migratedServers.length, inServiceCount),
    'remediations-open': backlog.entities.remediations.filter(isOpenRemediation).length,
    'assumptions-open': backlog.entities.assumptions.filter((a) => a.data.status === 'open').length,
  };
}

function groupRows(context: QueryContext, marks: ServerMarks, workloads: Workload[], keyOf: (w: Workload) => string, order: string[], everyKey: boolean): GroupRow[] {
  const groups = new Map<string, Workload[]>(everyKey ? order.map((key) => [key, []]) : []);
  for (const workload of workloads) addTo(groups, keyOf(workload), workload);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const { cores } = context.graph.serverFigures;
  return [...groups]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || (order.length === 0 ? y.length - x.length : 0) || a.localeCompare(b))
    .map(([key, members]) => {
      // Each server once, though it serves several of the group; its cores added in the order met.
      const group = marks.next();
      let servers = 0;
      let coresOfGroup = 0;
      for (const member of members) {
        for (const server of serverIndexesOf(context, member)) {
          if (!marks.first(server, group)) continue;
          servers += 1;
          coresOfGroup += cores[server] ?? 0;
        }
      }
      return { key, workloads: members.length, percent: percent(members.length, workloads.length), servers, cores: coresOfGroup };
    });
}

/**
 * A mark per server, by the group that last counted it: the groups of a report's four groupings
 * each count their servers once, without a set or a list of them per group.
 */
class ServerMarks {
  private readonly marks: Int32Array;
  private groups = 0;

  constructor(servers: number) {
    this.marks = new Int32Array(servers);
  }

  /** A new group, none of the servers counted in it yet. */
  next(): number {
    return ++this.groups;
  }

  /** Whether the server is met for the first time in this group (and marks it). */
  first(server: number, group: number): boolean {
    if (this.marks[server] === group) return false;
    this.marks[server] = group;
    return true;
  }
}

/** The servers by status in the order the statuses are first met, with their cores. */
function serversByStatus(figures: ServerFigures, servers: readonly number[]): Report['servers_by_status'] {
  const byStatus = new Map<string, { servers: number; cores: number }>();
  for (const server of servers) {
    const status = figures.status[server] as string;
    let row = byStatus.get(status);
    if (!row) byStatus.set(status, (row = { servers: 0, cores: 0 }));
    row.servers += 1;
    row.cores += figures.cores[server] ?? 0;
  }
  return [...byStatus].map(([key, row]) => ({ key, servers: row.servers, percent: percent(row.servers, servers.length), cores: row.cores }));
}

function progressOf(baseline: unknown, current: unknown, target: unknown): number | null {
  if (typeof baseline !== 'number' || typeof current !== 'number' || typeof target !== 'number' || target === baseline) return null;
  return Math.round(((current - baseline) / (target - baseline)) * 100);
}

/** A percentage with one decimal; 0 of nothing is 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
