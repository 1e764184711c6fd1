// The model of a backlog from its files, built file by file in their order: a load hands each
// file over as soon as the files before it are read, while it reads the rest, and the model
// is then mostly built by the time the last file is in (load-files.ts, onFile).
import type { Project } from '../../schemas/project.js';
import type { SourceFile } from '../load/types.js';
import { BacklogBuilder, type Backlog } from '../model/backlog.js';
import type { NodeLocation } from '../model/place.js';
import { GraphBuilder, type WorkloadGraph } from '../model/graph.js';
import type { DiagnosticDraft } from '../model/diagnostic.js';

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
  const reader = new BacklogReader();
  for (const file of files) reader.add(file);
  return reader.finish();
}

/**
 * The model of the files added, in order. A file added `early` (while a load reads the rest) has
 * its entities indexed and placed in the graph at once, which is slower per entity than doing
 * all at the end but off the end of the load; the others wait for finish(). Once one file has
 * waited, so do the rest: the graph places servers and dependencies in file order.
 */
export class BacklogReader {
  private readonly backlog = new BacklogBuilder();
  private readonly graph = new GraphBuilder(this.backlog.byKey.workloads);
  private project: { data: Project; location: NodeLocation } | undefined;
  /** The files' own problems (bad text, YAML errors), then the findings of their checks: in that order, each in file order. */
  private readonly problemDrafts: DiagnosticDraft[] = [];
  private readonly checkDrafts: DiagnosticDraft[] = [];
  private readonly unreadableFiles: string[] = [];

  private waiting = false;

  add(file: SourceFile, early = false): void {
    this.waiting ||= !early;
    if (file.unreadable) this.unreadableFiles.push(file.path);
    for (const problem of file.problems) {
      this.problemDrafts.push({
        code: problem.code,
        message: problem.message,
        place: { file: file.path, ...(problem.range ? { range: problem.range } : {}) },
        ...(problem.hint ? { hint: problem.hint } : {}),
        ...(problem.related ? { related: problem.related.map((range) => ({ file: file.path, range })) } : {}),
      });
    }
    const check = file.check;
    this.checkDrafts.push(...check.drafts);
    for (const entity of check.entities) {
      if (this.waiting) this.backlog.add(entity);
      else this.graph.add(entity, this.backlog.addIndexed(entity));
    }
    for (const project of check.projects) {
      if (this.project) {
        this.checkDrafts.push({
          code: 'INVALID_VALUE',
          message: '`project` is set twice: keep one',
          place: { ...project.location, target: 'key' },
          related: [{ ...this.project.location, target: 'key' }],
        });
      } else if (project.data) {
        this.project = { data: project.data, location: project.location };
      }
    }
  }

  finish(): ReadBacklog {
    const backlog = this.backlog.build(this.project);
    return { backlog, graph: this.graph.finish(backlog), drafts: [...this.problemDrafts, ...this.checkDrafts], unreadableFiles: this.unreadableFiles };
  }
}
