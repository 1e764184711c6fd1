// Which fields name other entities, and of which collection. `typed` fields take
// `workload:ID`, `server:ID` or `external:NAME`, and a bare id means a workload.
import type { CollectionName } from './collections.js';

export type ReferenceTarget = CollectionName | 'typed';
export interface ReferenceField {
  field: string;
  target: ReferenceTarget;
}

export const REFERENCE_FIELDS: Record<CollectionName, readonly ReferenceField[]> = {
  workloads: [
    { field: 'drivers', target: 'priorities' },
    { field: 'outcomes', target: 'outcomes' },
    { field: 'assumptions', target: 'assumptions' },
    { field: 'wave', target: 'waves' },
    { field: 'depends_on', target: 'typed' },
  ],
  servers: [{ field: 'workloads', target: 'workloads' }],
  dependencies: [
    { field: 'from', target: 'typed' },
    { field: 'to', target: 'typed' },
  ],
  priorities: [{ field: 'outcomes', target: 'outcomes' }],
  assumptions: [{ field: 'applies_to', target: 'workloads' }],
  outcomes: [],
  waves: [],
  remediations: [
    { field: 'workloads', target: 'workloads' },
    { field: 'servers', target: 'servers' },
  ],
  risks: [{ field: 'workloads', target: 'workloads' }],
};

/** Kinds a typed reference may name, and the collection each resolves in (`external` never resolves). */
export const TYPED_REFERENCE_KINDS = {
  workload: 'workloads',
  server: 'servers',
  external: null,
} as const satisfies Record<string, CollectionName | null>;
export type TypedReferenceKind = keyof typeof TYPED_REFERENCE_KINDS;
