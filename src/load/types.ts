import type { DiagnosticCode } from '../../schemas/diagnostic-codes.js';
import type { OffsetRange, PathSegment } from '../model/place.js';
import type { FileCheck } from './check/check-file.js';

/** A problem found while reading or parsing a file, placed by offsets. */
export interface FileProblem {
  code: DiagnosticCode;
  message: string;
  range?: OffsetRange;
  hint?: string;
  related?: OffsetRange[];
}

/** One YAML document of a file: its plain value, or nothing when it could not be read. */
export interface ParsedDocument {
  value: unknown;
  /** False when the document has YAML errors: its value is not used. */
  usable: boolean;
  /** Where merge keys (`<<`) were written: taken out of the value, reported by the check. */
  mergeKeys?: PathSegment[][];
  /**
   * Vouched for by the parser that read it (the subset parser sees every key): no `x-` field
   * at any depth, and no nesting too deep for the dialect. The checks then skip the walks that
   * would find them.
   */
  plain?: boolean;
  /** Vouched for by the parser that read it: every number is one JSON keeps as it is (no infinity, NaN or -0). */
  finiteNumbers?: boolean;
}

/**
 * Which parser produced the values: `fast` is the fast reader (load/parse/subset.ts, no
 * positions kept), `full` the `yaml` package (a file outside that subset). Positions are
 * found again with the same parser.
 */
export type ParserName = 'fast' | 'full';

export interface SourceFile {
  /** Relative to the backlog root, with `/` separators. */
  path: string;
  /** The decoded text, byte-order mark removed. */
  text: string;
  problems: FileProblem[];
  parser: ParserName;
  /** A document could not be read (YAML errors): entities in it are missing from the model. */
  unreadable: boolean;
  /** The entities and findings the file holds, checked against the schemas. */
  check: FileCheck;
  /** Every document's numbers are ones JSON keeps as they are (ParsedDocument): the parse cache need not look for others. */
  finiteNumbers?: boolean;
}
