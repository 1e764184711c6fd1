import type { DiagnosticCode, Severity } from '../../schemas/diagnostic-codes.js';
import type { OffsetRange, PathSegment, PathTarget } from './place.js';

/** Where a draft finding points, before positions are computed: a node by path, or offsets. */
export interface DraftPlace {
  file: string;
  doc?: number;
  path?: readonly PathSegment[];
  /** The key that names the node, or its value (default). */
  target?: PathTarget;
  range?: OffsetRange;
}

/** A finding as the checks produce it: placed by path; line and column come later, only for findings. */
export interface DiagnosticDraft {
  code: DiagnosticCode;
  message: string;
  place: DraftPlace;
  entity?: string;
  hint?: string;
  /**
   * A value YAML read as a number or boolean where text belongs: the hint quotes what the user
   * wrote, which only the source text still has. Data, not a function: drafts are cached.
   */
  quoteHint?: 'number' | 'boolean';
  related?: DraftPlace[];
}

export interface RelatedLocation {
  file: string;
  line?: number;
  column?: number;
}

/** A finding as every output format sees it. Lines and columns are 1-based. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  path?: PathSegment[];
  entity?: string;
  hint?: string;
  related?: RelatedLocation[];
}
