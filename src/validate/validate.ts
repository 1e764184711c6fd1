// Validation in stages: file problems -> document and schema checks -> the model -> the rules
// -> severities -> positions. Returns data; printing is the CLI's business.
import type { SourceFile } from '../load/types.js';
import { entityCount, type Backlog } from '../model/backlog.js';
import type { WorkloadGraph } from '../model/graph.js';
import type { Diagnostic, DiagnosticDraft } from '../model/diagnostic.js';
import { compareDiagnostics, DiagnosticLocator, type LocatableFiles } from './locate-diagnostics.js';
import { DATED_RULES, RULES, type Rule } from './rules/index.js';
import { backlogOfFiles, type BacklogModel } from '../load/backlog-of-files.js';
import { severityOf } from './severity.js';
import { defineLazy } from '../model/lazy.js';


/** The text of each file by path: a map, or anything that reads texts only when asked (most files have nothing to show). */
export interface SourceTexts {
  get(path: string): string | undefined;
}

export interface ValidateOptions {
  /** "Today" for date rules, YYYY-MM-DD. */
  asOf: string;
  /** Only errors: a write that asks only whether it adds errors places no warning. */
  errorsOnly?: boolean;
}

export interface ValidationResult {
  files: number;
  entities: number;
  diagnostics: Diagnostic[];
  backlog: Backlog;
  graph: WorkloadGraph;
  /** The text of every file, for code frames: read from a file only when asked for. */
  sources: SourceTexts;
}

/** `read`: the model of these files when the caller has it already (backlogOfFiles(files)). */
export function validate(files: readonly SourceFile[], options: ValidateOptions, read: BacklogModel = backlogOfFiles(files)): ValidationResult {
  // Files by path only when a finding is to be placed, or a text asked for (10,000 files at L).
  let filesByPath: Map<string, SourceFile> | undefined;
  const byPath = () => (filesByPath ??= new Map(files.map((file) => [file.path, file])));
  return {
    files: files.length,
    entities: entityCount(read.backlog),
    diagnostics: findings(read, options, { get: (path) => byPath().get(path) }),
    backlog: read.backlog,
    graph: read.graph,
    // Each text decoded when first asked for (files read through the cache or the worker decode theirs then).
    sources: { get: (path) => byPath().get(path)?.text },
  };
}

/**
 * The findings about a backlog read already (from its files, or from a snapshot of its model):
 * those of its files and schemas, and the rules'; `files` gives the texts that place them.
 * `rules`: a query that shows only some codes runs only the rules that find them;
 * `withDraftsRead`: with the findings of the files and schemas (`read.drafts`).
 */
export function findings(read: BacklogModel, options: ValidateOptions, files: LocatableFiles, rules: readonly Rule[] = RULES, withDraftsRead = true): Diagnostic[] {
  const { backlog, unreadableFiles } = read;
  // The rules add to the findings: a copy, so that the caller's model stays as it was.
  const drafts = withDraftsRead ? [...read.drafts] : [];
  const context = { backlog, asOf: options.asOf, unreadableFiles, report: (draft: DiagnosticDraft) => void drafts.push(draft) } as Omit<Parameters<Rule>[0], 'graph'> as Parameters<Rule>[0];
  // The graph only when a rule asks for it: a model kept by its snapshot reads it then.
  defineLazy(context, 'graph', () => read.graph);
  for (const rule of rules) rule(context);

  const diagnostics: Diagnostic[] = [];
  if (drafts.length > 0) {
    const locator = new DiagnosticLocator(files);
    for (const draft of drafts) {
      const severity = severityOf(draft.code, backlog.project);
      if (severity && (severity === 'error' || !options.errorsOnly)) diagnostics.push(locator.locate(draft, severity));
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

/**
 * The findings as `findings` gives them with these rules; `keep` may give those that do not
 * depend on the date from an earlier run on the same model (the snapshot's, load/snapshot.ts).
 * `read` is asked for only when a rule runs: a snapshot's model is decoded as it is used.
 */
export function findingsKept(read: () => BacklogModel, options: Pick<ValidateOptions, 'asOf'>, files: LocatableFiles, keep: (compute: () => Diagnostic[]) => Diagnostic[], rules: readonly Rule[] = RULES): Diagnostic[] {
  const undated = keep(() => findings(read(), options, files, rules.filter((rule) => !DATED_RULES.includes(rule))));
  const datedRules = rules.filter((rule) => DATED_RULES.includes(rule));
  const dated = datedRules.length > 0 ? findings(read(), options, files, datedRules, false) : [];
  return [...undated, ...dated].sort(compareDiagnostics);
}
