// The stable codes of every finding. Tests, SARIF rule ids, `backlog explain` and
// `project.rules` key off these names, never off the prose.

/** Problems with the file itself: always errors, `project.rules` cannot change them. */
export const FIXED_CODES = [
  'YAML_SYNTAX', 'MERGE_CONFLICT', 'DUPLICATE_KEY', 'UNSUPPORTED_YAML', 'UNKNOWN_COLLECTION',
  'UNKNOWN_FIELD', 'MISSING_FIELD', 'INVALID_VALUE',
] as const;

/** Integrity and planning rules: their severity can be set in `project.rules`. */
export const ADJUSTABLE_CODES = [
  'DUPLICATE_ID', 'UNKNOWN_REFERENCE', 'DUPLICATE_RANK', 'SPLIT_MOVE_GROUP', 'WAVE_ORDER', 'WAVE_CAPACITY',
  'UNRATIONALIZED_IN_WAVE', 'ORPHAN_SERVER', 'MISSING_OWNER', 'MISSING_RATIONALE', 'INVALIDATED_ASSUMPTION',
  'STALE_ASSUMPTION', 'STATUS_MISMATCH', 'OPEN_REMEDIATION', 'SELF_DEPENDENCY',
] as const;

export const DIAGNOSTIC_CODES = [...FIXED_CODES, ...ADJUSTABLE_CODES] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';
