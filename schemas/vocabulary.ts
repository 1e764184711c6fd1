// The words of the file format that are plain values — collection names and kinds, id patterns,
// levels — apart from the zod schemas, so that `list`, `show` and `graph` answered from the
// snapshot of the model load no zod (start-up is a bar of the specification). The schemas
// import these.

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

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTION_KINDS, name);
}

/**
 * The first key of a document that names no collection (nor `project`) at all: a file of
 * something else (docker-compose.yml, .gitlab-ci.yml) under the backlog's root. Undefined for a
 * backlog document, even one with a misspelt collection beside the others.
 */
export function foreignKeyOf(keys: readonly string[]): string | undefined {
  return keys.some((key) => key === 'project' || isCollectionName(key)) ? undefined : keys[0];
}

const ID = '[A-Za-z0-9][A-Za-z0-9._-]{0,127}';
export const ID_PATTERN = new RegExp(`^${ID}$`);
/** The kinds a typed reference may name (`server:SQL01`); a bare id is a workload. */
export const REF_KINDS = ['workload', 'server', 'external'] as const;
export const TYPED_REFERENCE_PATTERN = new RegExp(`^(?:(?:${REF_KINDS.join('|')}):)?${ID}$`);

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development', 'dr', 'mixed'] as const;
export const LEVELS = ['high', 'medium', 'low'] as const;

/**
 * Other frameworks' words for migration strategies (AWS's 7 Rs, Gartner's 5 Rs, common speech)
 * and ours for them, keyed by the word in lower case without spaces or dashes: a hint names ours
 * when one of theirs is written.
 */
export const STRATEGY_SYNONYMS: Readonly<Record<string, { ours: string; whose: string }>> = {
  repurchase: { ours: 'replace', whose: "AWS's" },
  relocate: { ours: 'rehost', whose: "AWS's" },
  revise: { ours: 'refactor', whose: "Gartner's" },
  liftandshift: { ours: 'rehost', whose: 'another' },
  liftandreshape: { ours: 'replatform', whose: 'another' },
  rewrite: { ours: 'rebuild', whose: 'another' },
  dropandshop: { ours: 'replace', whose: 'another' },
  decommission: { ours: 'retire', whose: 'another' },
};

/** The sources `backlog import` reads. */
export const IMPORT_SOURCES = ['azure-migrate-servers', 'azure-migrate-dependencies', 'rvtools', 'aws-cmf', 'meg', 'csv'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

// The enumerations a query or an output names at run time, kept here (not beside their zod
// schemas) so that using them does not load zod.
export const CRITICALITIES = ['mission-critical', 'unit-critical', 'high', 'medium', 'low', 'unsupported'] as const;
export const STRATEGIES = [
  'rehost', 'replatform', 'refactor', 'rearchitect', 'rebuild', 'replace', 'retire', 'retain', 'tbd',
] as const;
export const WORKLOAD_STATUSES = [
  'identified', 'assessing', 'remediating', 'ready', 'scheduled', 'migrating', 'migrated', 'optimized',
  'retired', 'retained', 'blocked',
] as const;
export const DEPENDENCY_CLASSIFICATIONS = ['app', 'shared-infra', 'external', 'noise'] as const;
