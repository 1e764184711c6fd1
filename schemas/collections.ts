// The collections a backlog file may hold, in the order of the specification (also the
// canonical order of `backlog fmt`), with the kind name used in typed references and labels.
import type * as z from 'zod';
import { Assumption } from './assumption.js';
import { Dependency } from './dependency.js';
import { Outcome } from './outcome.js';
import { Priority } from './priority.js';
import { Remediation } from './remediation.js';
import { Risk } from './risk.js';
import { Server } from './server.js';
import { Wave } from './wave.js';
import { Workload } from './workload.js';

export const COLLECTIONS = {
  workloads: { kind: 'workload', schema: Workload },
  servers: { kind: 'server', schema: Server },
  dependencies: { kind: 'dependency', schema: Dependency },
  priorities: { kind: 'priority', schema: Priority },
  assumptions: { kind: 'assumption', schema: Assumption },
  outcomes: { kind: 'outcome', schema: Outcome },
  waves: { kind: 'wave', schema: Wave },
  remediations: { kind: 'remediation', schema: Remediation },
  risks: { kind: 'risk', schema: Risk },
} as const satisfies Record<string, { kind: string; schema: z.ZodType }>;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
export type EntityKind = (typeof COLLECTIONS)[CollectionName]['kind'];

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

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}
