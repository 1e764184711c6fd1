// The collections a backlog file may hold, in the order of the specification (also the
// canonical order of `backlog fmt`), with the kind name used in typed references and labels
// (vocabulary.ts) and the schema of their entities.
import type * as z from 'zod';
import { Assumption } from './assumption.js';
import { Dependency } from './dependency.js';
import { Outcome } from './outcome.js';
import { Priority } from './priority.js';
import { Remediation } from './remediation.js';
import { Risk } from './risk.js';
import { Server } from './server.js';
import { Wave } from './wave.js';
import { COLLECTION_KINDS, COLLECTION_NAMES, isCollectionName, type CollectionName } from './vocabulary.js';
import { Workload } from './workload.js';

export const COLLECTIONS = {
  workloads: { kind: COLLECTION_KINDS.workloads, schema: Workload },
  servers: { kind: COLLECTION_KINDS.servers, schema: Server },
  dependencies: { kind: COLLECTION_KINDS.dependencies, schema: Dependency },
  priorities: { kind: COLLECTION_KINDS.priorities, schema: Priority },
  assumptions: { kind: COLLECTION_KINDS.assumptions, schema: Assumption },
  outcomes: { kind: COLLECTION_KINDS.outcomes, schema: Outcome },
  waves: { kind: COLLECTION_KINDS.waves, schema: Wave },
  remediations: { kind: COLLECTION_KINDS.remediations, schema: Remediation },
  risks: { kind: COLLECTION_KINDS.risks, schema: Risk },
} as const satisfies Record<CollectionName, { kind: string; schema: z.ZodType }>;

export { COLLECTION_NAMES, isCollectionName, type CollectionName };

export interface EntityTypes {
  workloads: Workload;
  servers: Server;
  dependencies: Dependency;
  priorities: Priority;
  assumptions: Assumption;
  outcomes: Outcome;
  waves: Wave;
  remediations: Remediation;
  risks: Risk;
}

