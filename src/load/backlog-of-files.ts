// The model of a backlog from its files, in their order: the entities indexed, the project
// settings taken from the root file, the graph built, and the findings about the files gathered.
// A load adds each file as it comes (load-backlog.ts); backlogOfFiles adds a list of them.
import type { Project } from '../../schemas/project.js';
import { BacklogIndex, type Backlog } from '../model/backlog.js';
import type { DiagnosticDraft } from '../model/diagnostic.js';
import { buildGraph, type WorkloadGraph } from '../model/graph.js';
import type { NodeLocation } from '../model/place.js';
import type { SourceFile } from './types.js';

/** The model of a backlog and the findings about its files and schemas: what queries need. */
export interface BacklogModel {
  backlog: Backlog;
  graph: WorkloadGraph;
  /** Findings of the file and schema stage (all of them errors). */
  drafts: DiagnosticDraft[];
  /** Files with a document that could not be read: its entities are missing from the model. */
  unreadableFiles: string[];
}

export function backlogOfFiles(files: Iterable<SourceFile>): BacklogModel {
  const builder = new ModelBuilder();
  for (const file of files) builder.add(file);
  return builder.finish();
}

/** The model of the files added, in order. */
export class ModelBuilder {
  private readonly index = new BacklogIndex();
  private project: { data: Project; location: NodeLocation } | undefined;
  /** The files' own problems (bad text, YAML errors), then the findings of their checks: in that order, each in file order. */
  private readonly problemDrafts: DiagnosticDraft[] = [];
  private readonly checkDrafts: DiagnosticDraft[] = [];
  private readonly unreadableFiles: string[] = [];

  add(file: SourceFile): void {
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
    const { check } = file;
    this.checkDrafts.push(...check.drafts);
    for (const entity of check.entities) this.index.add(entity);
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

  finish(): BacklogModel {
    const backlog = this.index.build(this.project);
    return { backlog, graph: buildGraph(backlog), drafts: [...this.problemDrafts, ...this.checkDrafts], unreadableFiles: this.unreadableFiles };
  }
}
