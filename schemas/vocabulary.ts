// The words of the file format that are plain values — collection names and kinds, id patterns,
// levels — apart from the zod schemas, so that a query answered from the snapshot of the model
// never loads zod (start-up is a bar of the specification). The schemas import these.

export const COLLECTION_KINDS = {
  workloads: 'workload',
  servers: 'server',
  dependencies: 'dependency',
  priorities: 'priority',
  assumptions: 'assumption',
  outcomes: 'outcome',
  waves: 'wave',
  remediations: 'remediation',
  risks: 'risk',
} as const;

/** The collections a backlog file may hold, in the order of the specification. */
export type CollectionName = keyof typeof COLLECTION_KINDS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_KINDS) as CollectionName[];
export type EntityKind = (typeof COLLECTION_KINDS)[CollectionName];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTION_KINDS, name);
}

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const REF_KINDS = ['workload', 'server', 'external'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export const TYPED_REFERENCE_PATTERN = /^(?:(?:workload|server|external):)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development', 'dr', 'mixed'] as const;
export const LEVELS = ['high', 'medium', 'low'] as const;
