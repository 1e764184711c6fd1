// Opening a backlog for a command that edits a few entities (`set`): from the snapshot when the
// files have not changed since it was taken — only the files edited are read — else from every
// file. Either way, once the edit is written, the snapshot of the backlog after it is written
// too, so that the next command finds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editBaseOfFiles, type AfterChange, type EditBase } from '../edit/apply-changes.js';
import { backlogPaths } from '../load/file-filter.js';
import { fsSource, type FsSource } from '../load/fs-source.js';
import { readSourceFile } from '../load/read-source-file.js';
import { openSnapshot, saveSnapshot, type OpenedSnapshot } from '../load/snapshot.js';
import type { SourceFile } from '../load/types.js';
import type { QueryContext } from '../query/context.js';
import { modelWithFilesSwapped, type BacklogModel } from '../load/backlog-of-files.js';
import { defineLazy } from '../model/lazy.js';
import { backlogRoot } from './backlog-root.js';
import { cacheOf } from './caching.js';
import type { CliIO } from './io.js';
import { queryContext, warnOfSkipsAndErrors } from './open-backlog.js';
import { readBacklog } from './read-backlog.js';
import { DamagedCacheError, IoError } from '../errors.js';

export interface EditableBacklog {
  root: string;
  context: QueryContext;
  base: EditBase;
  /** Once the change is written: the snapshot of the backlog after it, for the commands after. */
  written(after: AfterChange): Promise<void>;
  /**
   * The backlog to edit these files of: this one, or, when it was opened from the snapshot and
   * a file holds `project` (which the model after needs every file to place), read from the files.
   */
  toEdit(paths: Iterable<string>): Promise<EditableBacklog>;
}

/** Files changed since the snapshot was taken that an edit still starts from it with (read again), rather than from every file. */
const CHANGED_AT_MOST = 64;

export async function openForEdit(io: CliIO, rootOption: string | undefined): Promise<EditableBacklog> {
  const root = await backlogRoot(io, rootOption);
  const source = fsSource(root);
  const cache = cacheOf(io);
  const takenAt = Date.now();
  const snapshot = cache && (await openSnapshot(cache, root, source, (exclude) => backlogPaths(source, exclude), { changedAtMost: CHANGED_AT_MOST, settle: false }));
  const base = snapshot && snapshotBase(snapshot, source.realRoot);
  if (!snapshot || !base) return openFromFiles(io, root, source, takenAt, true);
  warnOfSkipsAndErrors(io, source, base.model.drafts, 'edit');
  const opened: EditableBacklog = {
    root,
    context: queryContext(base.model),
    base,
    written: (after) =>
      unlessDamaged(async () => {
        // The files read again because they had changed are written into the snapshot as the edited ones are.
        const edited = new Set(after.written.map((file) => file.path));
        const written = [...after.written, ...snapshot.changed.filter((path) => !edited.has(path)).map((path) => base.fileAt(path)!)];
        const keep = await snapshot.writeForward({ ...forwardOf(after), written });
        if (keep && after.undatedFindings) keep('findings', () => after.undatedFindings);
      }),
    toEdit: async (paths) => ([...paths].some((path) => (base.fileAt(path)?.check.projects.length ?? 0) > 0) ? openFromFiles(io, root, source, takenAt, false) : opened),
  };
  return opened;
}

/** `warn`: say what the files' listing skipped and whether the backlog has errors (unless said already). */
async function openFromFiles(io: CliIO, root: string, source: FsSource, takenAt: number, warn: boolean): Promise<EditableBacklog> {
  const cache = cacheOf(io);
  const read = await readBacklog(io, root, source, { snapshot: false });
  if (warn) warnOfSkipsAndErrors(io, source, read.drafts, 'edit');
  const base: EditBase = { ...editBaseOfFiles(read.files, read), keepsFindings: cache !== undefined };
  const opened: EditableBacklog = {
    root,
    context: { backlog: read.backlog, graph: read.graph },
    base,
    written: async (after) => {
      if (!cache) return;
      const written = new Map(after.written.map((file) => [file.path, file]));
      const files = after.paths.map((path) => written.get(path) ?? base.fileAt(path)!);
      const keep = await saveSnapshot(cache, root, source, { ...forwardOf(after), files, exclude: read.root.exclude, rootFile: written.get(read.root.file?.path ?? '') ?? read.root.file }, takenAt);
      if (keep && after.undatedFindings) keep('findings', () => after.undatedFindings);
    },
    toEdit: async () => opened,
  };
  return opened;
}

/**
 * An edit checked against the snapshot: a file is read when the edit asks for it (the files
 * edited, those a finding is placed in), and those changed since it was taken are read and
 * swapped into its model. Undefined when that model cannot be made so (a file with `project`).
 */
function snapshotBase(snapshot: OpenedSnapshot, realRoot: string): EditBase | undefined {
  const changed = new Map<string, SourceFile>();
  for (const path of snapshot.changed) {
    const bytes = readIfThere(join(realRoot, path));
    // Gone since it was listed: the files are read, and say so.
    if (!bytes) return undefined;
    changed.set(path, readSourceFile(path, bytes));
  }
  const files = new Map<string, SourceFile>(changed);
  const paths = new Set(snapshot.paths);
  const fileAt = (path: string): SourceFile | undefined => {
    if (!paths.has(path)) return undefined;
    let file = files.get(path);
    if (!file) {
      const bytes = readFileSync(join(realRoot, path));
      if (!snapshot.holds(path, bytes)) throw new IoError(`${path} changed while it was read (another command or an editor wrote it): nothing was written; run the command again`);
      files.set(path, (file = readSourceFile(path, bytes)));
    }
    return file;
  };
  const stored = { backlog: snapshot.backlog, drafts: snapshot.drafts, unreadableFiles: snapshot.unreadableFiles } as BacklogModel;
  defineLazy(stored, 'graph', () => snapshot.graph);
  if (changed.size > 0) {
    const model = modelWithFilesSwapped(stored, snapshot.paths, [...changed.values()], snapshot.graphOver);
    // The model after an edit has the snapshot's graph only if this one has it still.
    return model && { paths: snapshot.paths, fileAt, model, keepsFindings: true, graphAlike: (backlog, serversChanged) => (snapshot.madeGraph(model.graph) ? snapshot.graphOver(backlog, serversChanged) : undefined) };
  }
  return {
    paths: snapshot.paths,
    fileAt,
    model: stored,
    keepsFindings: true,
    graphAlike: snapshot.graphOver,
    keptFindings: (compute) => snapshot.kept('findings', compute),
  };
}

/**
 * Writes the snapshot after an edit, unless a section of the one before it is found damaged
 * (the file is then removed): the edit is written already, and the next command reads the files.
 */
async function unlessDamaged(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!(error instanceof DamagedCacheError)) throw error;
  }
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function forwardOf(after: AfterChange) {
  const { backlog, graph, drafts, unreadableFiles } = after.model;
  return { paths: after.paths, written: after.written, backlog, graph, drafts, unreadableFiles };
}
