// What a workload's strategy and status say about whether it still has to move.
import type { Backlog } from './backlog.js';
import type { Entity } from './entity.js';

type Workload = Entity<'workloads'>;

/** It will not move: retained or retired. */
export function stays(workload: Workload): boolean {
  const { strategy, status } = workload.data;
  return strategy === 'retain' || strategy === 'retire' || status === 'retained' || status === 'retired';
}

/** Its strategy is decided (not `tbd`). */
export function isRationalized(workload: Workload): boolean {
  return workload.data.strategy !== undefined && workload.data.strategy !== 'tbd';
}

/** It has already moved. */
export function hasMoved(workload: Workload): boolean {
  return workload.data.status === 'migrated' || workload.data.status === 'optimized';
}

/** Nothing about it can still be scheduled: it stays, or it has moved. */
export function isSettled(workload: Workload): boolean {
  return stays(workload) || hasMoved(workload);
}

export function waveOf(backlog: Backlog, workload: Workload): Entity<'waves'> | undefined {
  const wave = workload.data.wave;
  return wave === undefined ? undefined : backlog.byKey.waves.get(wave.toLowerCase());
}

/**
 * Whether `dependent` is planned to move before `dependency` can: it has a wave, and the
 * dependency has none or a later one (unless the dependency stays or has moved). WAVE_ORDER
 * warns about this (from each workload's standing, worked out once); the graph draws it as a
 * wrong-way edge.
 */
export function movesBefore(backlog: Backlog, dependent: Workload, dependency: Workload): boolean {
  const dependentWave = waveOf(backlog, dependent);
  return dependentWave !== undefined && movesLater(standing(backlog, dependency), dependentWave);
}

/** A workload settled (it stays, or has moved): no wave orders it. */
const SETTLED = 'settled';

/** What ordering a workload as a dependency needs of it: SETTLED, or its wave (undefined: none yet). */
export type Standing = typeof SETTLED | Entity<'waves'> | undefined;

export function standing(backlog: Backlog, workload: Workload): Standing {
  return isSettled(workload) ? SETTLED : waveOf(backlog, workload);
}

/** Whether a dependency of this standing can move only after a workload in `wave`: it has no wave, or a later one. */
export function movesLater(dependency: Standing, wave: Entity<'waves'>): boolean {
  return dependency !== SETTLED && (dependency === undefined || dependency.data.order > wave.data.order);
}
