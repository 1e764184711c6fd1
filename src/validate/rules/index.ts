import { duplicateId } from './duplicate-id.js';
import { duplicateRank } from './duplicate-rank.js';
import { invalidatedAssumption } from './invalidated-assumption.js';
import { missingOwner } from './missing-owner.js';
import { missingRationale } from './missing-rationale.js';
import { openRemediation } from './open-remediation.js';
import { orphanServer } from './orphan-server.js';
import type { Rule } from './rule.js';
import { selfDependency } from './self-dependency.js';
import { splitMoveGroup } from './split-move-group.js';
import { staleAssumption } from './stale-assumption.js';
import { statusMismatch } from './status-mismatch.js';
import { unknownReference } from './unknown-reference.js';
import { unrationalizedInWave } from './unrationalized-in-wave.js';
import { waveCapacity } from './wave-capacity.js';
import { waveOrder } from './wave-order.js';

export type { Rule } from './rule.js';

/** The cross-entity rules, run in this order over the model. */
export const RULES: readonly Rule[] = [
  duplicateId,
  unknownReference,
  duplicateRank,
  selfDependency,
  splitMoveGroup,
  waveOrder,
  waveCapacity,
  unrationalizedInWave,
  orphanServer,
  missingOwner,
  missingRationale,
  invalidatedAssumption,
  staleAssumption,
  statusMismatch,
  openRemediation,
];

/** The rules that read the date (`asOf`): what the others find holds for as long as the model does. */
export const DATED_RULES: readonly Rule[] = [staleAssumption];

/** The rules that find what `backlog waves` shows of a wave's plan (query/waves.ts). */
export const WAVE_RULES: readonly Rule[] = [splitMoveGroup, waveOrder, waveCapacity, unrationalizedInWave];
