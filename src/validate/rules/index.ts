import type { CollectionName } from '../../../schemas/collections.js';
import type { DiagnosticCode } from '../../../schemas/diagnostic-codes.js';
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

/**
 * The rules each of whose findings is about one entity and placed in it, and reads of the rest of
 * the backlog only which ids there are: after an edit that leaves every entity's id where it was,
 * only the entities edited need checking again (validate/findings-after-edit.ts).
 */
export const ENTITY_RULES: readonly Rule[] = [duplicateId, unknownReference, selfDependency, unrationalizedInWave, orphanServer, missingOwner, missingRationale];

/**
 * The fields that the other rules (those over the whole backlog) read, by collection, beside
 * ids: an edit that changes none of them, and moves no id, leaves what they find as it was, but
 * for places in the files it edited (validate/findings-after-edit.ts). A rule that comes to read
 * another field adds it here (tests/validate/findings-after-edit.test.ts tries every other one).
 */
export const WHOLE_BACKLOG_FIELDS: { readonly [C in CollectionName]?: readonly string[] } = {
  workloads: ['wave', 'status', 'strategy', 'depends_on', 'assumptions'],
  servers: ['workloads', 'status'],
  dependencies: ['from', 'to', 'classification'],
  waves: ['order', 'max_servers'],
  priorities: ['rank'],
  assumptions: ['status', 'applies_to'],
  remediations: ['severity', 'status', 'workloads', 'servers'],
};

/** The code each rule finds: each finds one, which no other rule, nor the files' and schemas' checks, finds. */
export const CODE_OF_RULE: ReadonlyMap<Rule, DiagnosticCode> = new Map<Rule, DiagnosticCode>([
  [duplicateId, 'DUPLICATE_ID'],
  [unknownReference, 'UNKNOWN_REFERENCE'],
  [duplicateRank, 'DUPLICATE_RANK'],
  [selfDependency, 'SELF_DEPENDENCY'],
  [splitMoveGroup, 'SPLIT_MOVE_GROUP'],
  [waveOrder, 'WAVE_ORDER'],
  [waveCapacity, 'WAVE_CAPACITY'],
  [unrationalizedInWave, 'UNRATIONALIZED_IN_WAVE'],
  [orphanServer, 'ORPHAN_SERVER'],
  [missingOwner, 'MISSING_OWNER'],
  [missingRationale, 'MISSING_RATIONALE'],
  [invalidatedAssumption, 'INVALIDATED_ASSUMPTION'],
  [staleAssumption, 'STALE_ASSUMPTION'],
  [statusMismatch, 'STATUS_MISMATCH'],
  [openRemediation, 'OPEN_REMEDIATION'],
]);

/** The rules that read the date (`asOf`): what the others find holds for as long as the model does. */
export const DATED_RULES: readonly Rule[] = [staleAssumption];

/** The rules that find what `backlog waves` shows of a wave's plan (query/waves.ts). */
export const WAVE_RULES: readonly Rule[] = [splitMoveGroup, waveOrder, waveCapacity, unrationalizedInWave];
