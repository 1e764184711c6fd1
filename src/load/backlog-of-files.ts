// The model of a backlog from its files, in their order: the entities indexed, the project
// settings taken from the root file, the graph built, and the findings about the files gathered.
// A load adds each file as it comes (load-backlog.ts); backlogOfFiles adds a list of them.
import type { Project } from '../../schemas/project.js';
import { BacklogIndex, type Backlog } from '../model/backlog.js';
import { backlogWithFilesSwapped } from '../model/files-swapped.js';
import { defineLazy } from '../model/lazy.js';
import type { DiagnosticDraft } from '../model/diagnostic.js';
import { buildGraph, sameForGraph, type WorkloadGraph } from '../model/graph.js';
import type { Entity } from '../model/entity.js';
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

  /** The findings of the files added. */
  drafts(): DiagnosticDraft[] {
    return [...this.problemDrafts, ...this.checkDrafts];
  }

  finish(): BacklogModel {
    const backlog = this.index.build(this.project);
    return { backlog, graph: buildGraph(backlog), drafts: this.drafts(), unreadableFiles: this.unreadableFiles };
  }
}

/**
 * The model of `before`'s files with some of them read again (`swapped`, new files among them),
 * without reading the others: `paths` are all the files after, in order. Undefined when a file
 * swapped holds `project`, or held the project before (which file sets it first, and which sets
 * it twice, is known only from all of them). `graphAlike` gives `before`'s graph over another
 * backlog of the same graph, when it can (a snapshot's, which names entities by their places):
 * taken when the swapped files change nothing the graph is made from, or (with `serversChanged`,
 * the indexes of the servers swapped) only servers' figures. `fileBefore`: a swapped
 * file as `before` read it, when the caller has it (an edit's).
 */
export function modelWithFilesSwapped(
  before: BacklogModel,
  paths: readonly string[],
  swapped: readonly SourceFile[],
  graphAlike?: (backlog: Backlog, serversChanged?: readonly number[]) => WorkloadGraph | undefined,
  fileBefore: (path: string) => SourceFile | undefined = () => undefined,
): BacklogModel | undefined {
  const changed = new Set(swapped.map((file) => file.path));
  const projectFile = before.backlog.projectLocation?.file;
  if (swapped.some((file) => file.check.projects.length > 0) || (projectFile !== undefined && changed.has(projectFile))) return undefined;
  const order = new Map(paths.map((path, index) => [path, index]));
  const fileOrder = (path: string) => order.get(path) ?? -1;
  const builder = new ModelBuilder();
  for (const file of swapped) builder.add(file);
  const inPlace = swapped.every((file) => {
    const was = fileBefore(file.path);
    return was !== undefined && idsInPlace(was, file);
  });
  const backlog = backlogWithFilesSwapped(before.backlog, new Map(swapped.map((file) => [file.path, file.check.entities])), fileOrder, inPlace);
  const unreadableFiles = [...before.unreadableFiles.filter((path) => !changed.has(path)), ...swapped.filter((file) => file.unreadable).map((file) => file.path)];
  const model = {
    backlog,
    // Findings are put in order by their places once placed: these need only all be there.
    drafts: [...before.drafts.filter((draft) => !changed.has(draft.place.file)), ...builder.drafts()],
    unreadableFiles: unreadableFiles.sort((a, b) => fileOrder(a) - fileOrder(b)),
  } as BacklogModel;
  defineLazy(model, 'graph', () => {
    if (graphAlike) {
      const inOrder = [...swapped].sort((a, b) => fileOrder(a.path) - fileOrder(b.path));
      if (sameForGraphIn(before.backlog, inOrder, fileBefore)) return graphAlike(backlog) ?? buildGraph(backlog);
      // Only servers' figures changed (an edit of a status, say): the graph but for those figures.
      const servers = inPlace && sameForGraphIn(before.backlog, inOrder, fileBefore, false) ? backlog.swappedFrom?.indexes('servers') : undefined;
      const alike = servers && graphAlike(backlog, servers);
      if (alike) return alike;
    }
    return buildGraph(backlog);
  });
  return model;
}

/**
 * Whether a file read again holds entities of the same collections and ids, in the same order,
 * as before, and both could be read: swapped in, every entity keeps its index in its collection,
 * and every id the same first entity, but for the file's own.
 */
export function idsInPlace(before: SourceFile, after: SourceFile): boolean {
  const was = before.check.entities;
  const now = after.check.entities;
  if (before.unreadable || after.unreadable || before.check.projects.length > 0 || was.length !== now.length) return false;
  return was.every((entity, at) => entity.collection === now[at]!.collection && entity.id === now[at]!.id && entity.key === now[at]!.key);
}

/** The collections the graph is made from. */
const GRAPH_COLLECTIONS = ['workloads', 'servers', 'dependencies'] as const;

/** Whether these files (in file order), swapped into `before`, leave its graph as it is; `fileBefore` saves finding a file's entities in `before`'s collections. */
function sameForGraphIn(before: Backlog, swapped: readonly SourceFile[], fileBefore: (path: string) => SourceFile | undefined, withFigures = true): boolean {
  const paths = new Set(swapped.map((file) => file.path));
  const known = swapped.every((file) => fileBefore(file.path) !== undefined);
  return GRAPH_COLLECTIONS.every((name) => {
    const was: Entity[] = known ? swapped.flatMap((file) => fileBefore(file.path)!.check.entities.filter((entity) => entity.collection === name)) : before.entities[name].filter((entity) => paths.has(entity.file));
    const now = swapped.flatMap((file) => file.check.entities.filter((entity) => entity.collection === name));
    return was.length === now.length && was.every((entity, at) => sameForGraph(entity, now[at]!, withFigures));
  });
}
