// `backlog waves`: each wave with its workloads, servers, cores, dates, capacity use and the
// planning findings about it.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Entity } from '../model/entity.js';
import { addTo } from '../model/group.js';
import { isSettled, waveOf } from '../model/status.js';
import type { RowsData } from './rows.js';
import { serversOfAll, totalOf } from './computed.js';
import type { QueryContext } from './context.js';
import { comparePriority } from './order.js';

/** The findings that are about a wave's plan. */
const WAVE_CODES = new Set(['WAVE_ORDER', 'SPLIT_MOVE_GROUP', 'UNRATIONALIZED_IN_WAVE', 'WAVE_CAPACITY']);

export interface WaveSummary {
  order: number | null;
  id: string;
  name: string | null;
  status: string | null;
  start: string | null;
  end: string | null;
  workloads: string[];
  servers: number;
  cores: number;
  capacity: number | null;
  /** Servers over capacity, as a percentage; null without a capacity. */
  capacityUsed: number | null;
  findings: Array<{ code: string; message: string }>;
}

export function summarizeWaves(context: QueryContext, diagnostics: readonly Diagnostic[]): WaveSummary[] {
  const { backlog } = context;
  const byPriority = comparePriority(backlog);
  const fallback = backlog.project?.defaults?.max_servers_per_wave;
  const members = new Map<Entity<'waves'> | undefined, Entity<'workloads'>[]>();
  for (const workload of backlog.byKey.workloads.values()) {
    const wave = waveOf(backlog, workload);
    // Workloads without a wave that still have to move: the ones left to plan.
    if (!wave && isSettled(workload)) continue;
    addTo(members, wave, workload);
  }
  const waveOfWorkload = new Map([...backlog.byKey.workloads.values()].map((w) => [`workload:${w.id}`, waveOf(backlog, w)]));
  const findingsOf = (wave: Entity<'waves'> | undefined) =>
    diagnostics
      .filter((d) => WAVE_CODES.has(d.code) && d.entity !== undefined)
      .filter((d) => (wave && d.entity === `wave:${wave.id}`) || (waveOfWorkload.has(d.entity!) && waveOfWorkload.get(d.entity!) === wave))
      .map((d) => ({ code: d.code, message: d.message }));

  const summary = (wave: Entity<'waves'> | undefined): WaveSummary => {
    const workloads = members.get(wave) ?? [];
    const servers = serversOfAll(context, workloads);
    const capacity = wave ? (wave.data.max_servers ?? fallback ?? null) : null;
    return {
      order: wave?.data.order ?? null,
      id: wave?.id ?? '(no wave)',
      name: wave?.data.name ?? null,
      status: wave?.data.status ?? null,
      start: wave?.data.start ?? null,
      end: wave?.data.end ?? null,
      workloads: [...workloads].sort(byPriority).map((w) => w.id),
      servers: servers.length,
      cores: totalOf(context, servers, 'cores'),
      capacity,
      capacityUsed: capacity ? Math.round((servers.length / capacity) * 100) : null,
      findings: findingsOf(wave),
    };
  };
  const waves = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order).map(summary);
  return members.has(undefined) ? [...waves, summary(undefined)] : waves;
}

/**
 * The summaries as rows for the table formats: each wave's workloads by id, in priority order
 * (a narrow terminal cuts the list: `payroll, crm, +3 more`; `backlog show WAVE` has them all).
 */
export function waveRows(summaries: WaveSummary[]): RowsData {
  const columns = ['order', 'id', 'name', 'status', 'start', 'end', 'workloads', 'servers', 'cores', 'capacity', 'findings'];
  const rows = summaries.map((s) => ({
    ...s,
    capacity: s.capacity === null ? '' : `${s.servers}/${s.capacity} (${s.capacityUsed}%)`,
    findings: countCodes(s.findings.map((f) => f.code)),
  }));
  return {
    columns,
    rows,
    idColumn: 'id',
    layout: { fits: { name: 'text', workloads: 'list', findings: 'list' }, leaveOut: ['order', 'cores', 'servers', 'name', 'end', 'capacity', 'start'] },
  };
}

function countCodes(codes: string[]): string[] {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code));
}
