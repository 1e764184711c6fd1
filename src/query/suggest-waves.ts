// `backlog waves --suggest`: a proposed wave for every workload still to move. Move groups stay
// whole, dependencies go no later than their dependents, higher priority goes earlier (a
// workload lends its priority to what it depends on), capacity is kept where the order allows,
// existing assignments are kept unless reassigned. Workloads that stay or have moved are left out.
import type { Entity } from '../model/entity.js';
import { byId } from '../model/graph.js';
import { hasMoved, stays, waveOf } from '../model/status.js';
import { stronglyConnectedComponents } from '../model/strongly-connected.js';
import { joinAnd } from '../text/list.js';
import { serverIndexesOf } from './computed.js';
import type { QueryContext } from './context.js';
import { MinQueue } from './min-queue.js';
import { comparePriority } from './order.js';

type Workload = Entity<'workloads'>;

export interface SuggestOptions {
  /** Capacity of waves without their own `max_servers`, and of new waves. */
  maxServers?: number;
  /** Place every workload afresh, ignoring the waves they are in. */
  reassign: boolean;
}

interface PlannedWave {
  id: string;
  order: number;
  capacity: number | null;
  /** For an added wave, the capacity to write as its `max_servers` (none when the project default gives it). */
  maxServers: number | null;
  servers: number;
  workloads: string[];
  /** A wave the plan adds. */
  added: boolean;
}

interface Placement {
  workload: string;
  from: string | null;
  to: string;
  reason: string;
}

export interface WavePlan {
  waves: PlannedWave[];
  placements: Placement[];
  /** What the plan could not satisfy (a kept assignment that breaks the order, capacity overrun). */
  notes: string[];
}

interface Unit {
  members: Workload[];
  /** Its servers, by index (computed.ts). */
  servers: Set<number>;
  dependencies: Set<Unit>;
  dependents: Set<Unit>;
  /** The wave it is kept in, when it already has one and is not reassigned. */
  fixed: number | undefined;
  /** Its own best member, or the best of what depends on it. */
  lead: Workload;
  /** The latest wave it may go to without moving after a kept dependent. */
  upper: number;
}

interface WaveSlot {
  id: string;
  order: number;
  capacity: number;
  maxServers: number | null;
  servers: Set<number>;
  workloads: Workload[];
  closed: boolean;
  added: boolean;
}

export function suggestWaves(context: QueryContext, options: SuggestOptions): WavePlan {
  const { backlog, graph } = context;
  const priority = comparePriority(backlog);
  const fallback = options.maxServers ?? backlog.project?.defaults?.max_servers_per_wave;
  const slots: WaveSlot[] = [...backlog.byKey.waves.values()]
    .sort((a, b) => a.data.order - b.data.order)
    .map((wave) => ({
      id: wave.id,
      order: wave.data.order,
      capacity: wave.data.max_servers ?? fallback ?? Infinity,
      maxServers: wave.data.max_servers ?? null,
      servers: new Set(),
      workloads: [],
      closed: wave.data.status === 'completed',
      added: false,
    }));
  const slotIndex = (wave: Entity<'waves'> | undefined) => (wave ? slots.findIndex((slot) => slot.id === wave.id) : -1);

  // What has moved already stays where it is, and fills its wave.
  for (const workload of backlog.byKey.workloads.values()) {
    if (!hasMoved(workload)) continue;
    const index = slotIndex(waveOf(backlog, workload));
    if (index === -1) continue;
    slots[index]!.workloads.push(workload);
    for (const server of serverIndexesOf(context, workload)) slots[index]!.servers.add(server);
  }

  // A workload whose strategy is not decided is not planned yet (it would be UNRATIONALIZED_IN_WAVE).
  const undecided = [...backlog.byKey.workloads.values()].filter((w) => !stays(w) && !hasMoved(w) && (w.data.strategy ?? 'tbd') === 'tbd').sort(byId);
  const isUndecided = new Set(undecided);
  const moving = [...backlog.byKey.workloads.values()].filter((w) => !stays(w) && !hasMoved(w) && !isUndecided.has(w)).sort(byId);
  const movingKeys = new Set(moving.map((w) => w.key));
  const dependenciesOf = (w: Workload) => [...(graph.appDependencies.get(w.key)?.keys() ?? [])].map((key) => backlog.byKey.workloads.get(key)!);
  const next = (w: Workload) =>
    [...(graph.appDependencies.get(w.key)?.keys() ?? [])].filter((key) => movingKeys.has(key)).map((key) => backlog.byKey.workloads.get(key)!);
  // Tarjan gives components dependencies first.
  const units: Unit[] = stronglyConnectedComponents(moving, next).map((members) => {
    members.sort(byId);
    const assigned = options.reassign ? [] : members.map((w) => slotIndex(waveOf(backlog, w))).filter((i) => i !== -1);
    return {
      members,
      servers: new Set(members.flatMap((w) => serverIndexesOf(context, w))),
      dependencies: new Set(),
      dependents: new Set(),
      // A split move group is made whole in the latest of its waves.
      fixed: assigned.length > 0 ? Math.max(...assigned) : undefined,
      lead: [...members].sort(priority)[0]!,
      upper: Infinity,
    };
  });
  const unitOf = new Map(units.flatMap((unit) => unit.members.map((w) => [w.key, unit] as const)));
  for (const unit of units) {
    for (const member of unit.members) {
      for (const dependency of next(member)) {
        const other = unitOf.get(dependency.key)!;
        if (other === unit) continue;
        unit.dependencies.add(other);
        other.dependents.add(unit);
      }
    }
  }
  // Kept assignments fill their waves before anything is placed around them.
  for (const unit of units) {
    if (unit.fixed === undefined) continue;
    for (const server of unit.servers) slots[unit.fixed]!.servers.add(server);
  }
  // Dependents first: a unit inherits the best priority and the earliest kept wave of what depends on it.
  for (const unit of [...units].reverse()) {
    for (const dependent of unit.dependents) {
      if (priority(dependent.lead, unit.lead) < 0) unit.lead = dependent.lead;
      unit.upper = Math.min(unit.upper, dependent.fixed ?? dependent.upper);
    }
  }

  const placed = new Map<Unit, number>();
  const placements: Placement[] = [];
  const notes: string[] = [];
  if (undecided.length > 0) {
    notes.push(`not placed until their strategy is decided: ${joinAnd(undecided.map((w) => w.id), 10)}`);
    const waiting = moving.filter((w) => dependenciesOf(w).some((d) => isUndecided.has(d)));
    if (waiting.length > 0) notes.push(`${joinAnd(waiting.map((w) => w.id), 10)} depend on one of them, so their wave order cannot be checked yet`);
  }
  const remaining = new Map(units.map((unit) => [unit, unit.dependencies.size]));
  const ready = new MinQueue<Unit>((a, b) => priority(a.lead, b.lead));
  for (const unit of units) if (unit.dependencies.size === 0) ready.push(unit);
  for (let unit = ready.take(); unit !== undefined; unit = ready.take()) {
    const lower = Math.max(0, ...[...unit.dependencies].map((d) => placed.get(d)!));
    const { index, reason } = chooseWave(unit, lower, slots, options, backlog.project?.defaults?.max_servers_per_wave);
    if (unit.fixed !== undefined && unit.fixed < lower) {
      notes.push(`${names(unit)} kept in ${slots[unit.fixed]!.id}, before ${slots[lower]!.id} where something it depends on is: use --reassign to move it`);
    }
    const slot = slots[index]!;
    for (const server of unit.servers) slot.servers.add(server);
    slot.workloads.push(...unit.members);
    if (unit.fixed === undefined && slot.servers.size > slot.capacity) notes.push(`${slot.id} holds ${slot.servers.size} servers, over its capacity of ${slot.capacity}, to keep ${names(unit)} in order`);
    placed.set(unit, index);
    for (const member of unit.members) {
      const from = waveOf(backlog, member)?.id ?? null;
      const group = unit.members.length > 1 ? `; moves with ${joinAnd(unit.members.filter((m) => m !== member).map((m) => m.id))}` : '';
      placements.push({ workload: member.id, from, to: slot.id, reason: reason + group });
    }
    for (const dependent of unit.dependents) {
      const left = remaining.get(dependent)! - 1;
      remaining.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  placements.sort((a, b) => slots.findIndex((s) => s.id === a.to) - slots.findIndex((s) => s.id === b.to) || a.workload.localeCompare(b.workload));
  return {
    waves: slots.map((slot) => ({
      id: slot.id,
      order: slot.order,
      capacity: Number.isFinite(slot.capacity) ? slot.capacity : null,
      maxServers: slot.maxServers,
      servers: slot.servers.size,
      workloads: slot.workloads.map((w) => w.id).sort(),
      added: slot.added,
    })),
    placements,
    notes,
  };
}

/** The wave a unit goes to, and why: kept, or the earliest open wave with room in its window. */
function chooseWave(unit: Unit, lower: number, slots: WaveSlot[], options: SuggestOptions, projectDefault: number | undefined): { index: number; reason: string } {
  if (unit.fixed !== undefined) return { index: unit.fixed, reason: 'kept where it is' };
  const upper = unit.upper;
  const fits = (slot: WaveSlot) => !slot.closed && countWith(slot, unit) <= slot.capacity;
  const full: string[] = [];
  for (let index = lower; index < slots.length && index <= upper; index++) {
    const slot = slots[index]!;
    if (slot.closed) continue;
    if (fits(slot)) {
      const after = index === lower && lower > 0 && unit.dependencies.size > 0 ? `after what it depends on (${slots[lower]!.id})` : 'the earliest wave with room';
      return { index, reason: `${after}${full.length > 0 ? `; ${joinAnd(full)} full` : ''}` };
    }
    full.push(slot.id);
  }
  if (Number.isFinite(upper)) {
    // A kept dependent holds it back: over capacity rather than out of order.
    return { index: Math.max(lower, upper), reason: `no room before ${slots[upper]!.id}, where a workload that depends on it is kept` };
  }
  // A new wave takes --max-servers, else the project default (not written), else the last wave's.
  const last = slots.at(-1);
  const maxServers = options.maxServers ?? (projectDefault === undefined ? (last?.maxServers ?? null) : null);
  const capacity = maxServers ?? projectDefault ?? Infinity;
  slots.push({ id: newWaveId(slots), order: (last?.order ?? 0) + 1, capacity, maxServers, servers: new Set(), workloads: [], closed: false, added: true });
  return { index: slots.length - 1, reason: slots.length === 1 ? 'a new wave: there are none' : `a new wave: ${full.length > 0 ? `${joinAnd(full, 3)} full` : 'no open wave after what it depends on'}` };
}

function countWith(slot: WaveSlot, unit: Unit): number {
  let count = slot.servers.size;
  for (const server of unit.servers) if (!slot.servers.has(server)) count += 1;
  return count;
}

/** The next id in the pattern of the last wave's (`w2` -> `w3`, `wave-6` -> `wave-7`), else `wave-N`. */
function newWaveId(slots: WaveSlot[]): string {
  const taken = new Set(slots.map((slot) => slot.id.toLowerCase()));
  const [, prefix = 'wave-', digits] = /^(.*?)(\d+)$/.exec(slots.at(-1)?.id ?? '') ?? [];
  for (let n = digits === undefined ? slots.length + 1 : Number(digits) + 1; ; n++) {
    if (!taken.has(`${prefix}${n}`.toLowerCase())) return `${prefix}${n}`;
  }
}

function names(unit: Unit): string {
  return joinAnd(unit.members.map((m) => m.id), 3);
}
