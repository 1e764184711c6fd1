import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FailOn } from '../../validate/severity.js';
import type { SourceTexts } from '../../validate/validate.js';

/** What every validation format is given: the findings and the files they were found in. */
export interface ValidationReport {
  /** Every file checked, relative to the root. */
  files: readonly string[];
  entities: number;
  diagnostics: readonly Diagnostic[];
}

export interface ValidationContext {
  /** Colours; a chalk instance with level 0 when colour is off. */
  style: ChalkInstance;
  /** Turns a root-relative path into a repository-relative one (GitHub annotations, SARIF). */
  pathPrefix: string;
  /** File texts, for code frames. */
  sources: SourceTexts;
  failOn: FailOn;
  /** --max-warnings, when given: a report that records the run's failing says so past it. */
  maxWarnings?: number;
  toolVersion: string;
}

/** A pure function from the report to the text of one output format. */
export type ValidationFormatter = (report: ValidationReport, context: ValidationContext) => string;
