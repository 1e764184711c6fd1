// Validation in stages: file problems -> document and schema checks -> the model -> the rules
// -> severities -> positions. Returns data; printing is the CLI's business.
import type { SourceTexts } from '../format/types.js';
import type { SourceFile } from '../load/types.js';
import { buildBacklog, entityCount, type Backlog } from '../model/backlog.js';
import { buildGraph, type WorkloadGraph } from '../model/graph.js';
import { combineChecks } from './check-documents.js';
import type { Diagnostic, DiagnosticDraft } from './diagnostic.js';
import { compareDiagnostics, DiagnosticLocator } from './locate-diagnostics.js';
import { RULES } from './rules/index.js';
import { severityOf } from './severity.js';

export interface ValidateOptions {
  /** "Today" for date rules, YYYY-MM-DD. */
  asOf: string;
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

/** The model of a backlog and the findings about its files and schemas: what queries need. */
export interface ReadBacklog {
  backlog: Backlog;
  graph: WorkloadGraph;
  /** Findings of the file and schema stage (all of them errors). */
  drafts: DiagnosticDraft[];
  /** Files with a document that could not be read: its entities are missing from the model. */
  unreadableFiles: string[];
}

export function readBacklog(files: readonly SourceFile[]): ReadBacklog {
  const drafts: DiagnosticDraft[] = [];
  const unreadableFiles: string[] = [];
  for (const file of files) {
    if (file.unreadable) unreadableFiles.push(file.path);
    for (const problem of file.problems) {
      drafts.push({
        code: problem.code,
        message: problem.message,
        place: { file: file.path, ...(problem.range ? { range: problem.range } : {}) },
        ...(problem.hint ? { hint: problem.hint } : {}),
        ...(problem.related ? { related: problem.related.map((range) => ({ file: file.path, range })) } : {}),
      });
    }
  }
  const checked = combineChecks(files.map((file) => file.check));
  drafts.push(...checked.drafts);
  const backlog = buildBacklog(checked.entities, checked.project);
  return { backlog, graph: buildGraph(backlog), drafts, unreadableFiles };
}

/** `read`: the model of these files when the caller has it already (readBacklog(files)). */
export function validate(files: readonly SourceFile[], options: ValidateOptions, read: ReadBacklog = readBacklog(files)): ValidationResult {
  const { backlog, graph, unreadableFiles } = read;
  // The rules add to the findings: a copy, so that the caller's model stays as it was.
  const drafts = [...read.drafts];
  const context = { backlog, graph, asOf: options.asOf, unreadableFiles, report: (draft: DiagnosticDraft) => drafts.push(draft) };
  for (const rule of RULES) rule(context);

  const filesByPath = new Map(files.map((file) => [file.path, file]));
  const locator = new DiagnosticLocator(filesByPath);
  const diagnostics: Diagnostic[] = [];
  for (const draft of drafts) {
    const severity = severityOf(draft.code, backlog.project);
    if (severity) diagnostics.push(locator.locate(draft, severity));
  }
  diagnostics.sort(compareDiagnostics);
  return {
    files: files.length,
    entities: entityCount(backlog),
    diagnostics,
    backlog,
    graph,
    // Each text decoded when first asked for (files read through the cache or the worker decode theirs then).
    sources: { get: (path) => filesByPath.get(path)?.text },
  };
}
