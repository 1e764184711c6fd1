// Opening a backlog for the query and edit commands: the model with what could be read, and a
// word on stderr when the backlog has errors (the queries still answer from the rest).
// Queries read the snapshot of the model when the files have not changed since it was taken
// (load/snapshot.ts); every load of the files takes a new one.
import { join } from 'node:path';
import type { DiagnosticDraft } from '../model/diagnostic.js';
import type { ParserName, SourceFile } from '../load/types.js';
import { resolveRoot } from '../load/find-root.js';
import { backlogRoot } from './backlog-root.js';
import { fsSource, type FsSource } from '../load/fs-source.js';
import { backlogPaths } from '../load/file-filter.js';
import { readFileText } from '../load/file-text.js';
import { openSnapshot, type Keep, type OpenedSnapshot } from '../load/snapshot.js';
import type { BacklogModel } from '../load/backlog-of-files.js';
import type { WorkloadGraph } from '../model/graph.js';
import { defineLazy } from '../model/lazy.js';
import type { QueryContext } from '../query/context.js';
import { plural } from '../text/list.js';
import { cacheOf, stateFolder } from './caching.js';
import { printable } from '../text/printable.js';
import type { CliIO } from './io.js';

/** A backlog opened for a query: the model, and one file's text when a query shows where. */
export interface QueriedBacklog {
  root: string;
  context: QueryContext;
  /** What validation needs beyond the model: the findings of the files and schemas, the files that could not be read. */
  read: Pick<BacklogModel, 'drafts' | 'unreadableFiles'>;
  /** The text of a file of the backlog and the parser that read it (for line numbers). */
  sourceOf(path: string): { text: string; parser: ParserName };
  /** A value worked out from the model alone: kept with its snapshot, when there is one. */
  kept: Keep;
}

/** A backlog opened for a command that reads every file (validation, edits). */
export interface OpenBacklog extends BacklogModel {
  root: string;
  files: SourceFile[];
  context: QueryContext;
  /** Set when a snapshot was taken of what was read. */
  kept?: Keep;
}

/** For queries: from the snapshot when nothing changed, else from the files (and a snapshot taken). */
export async function openForQuery(io: CliIO, rootOption: string | undefined): Promise<QueriedBacklog> {
  const root = await backlogRoot(io, rootOption);
  const source = fsSource(root);
  const cache = cacheOf(io);
  const snapshot = cache && (await openSnapshot(cache, root, source, (exclude) => backlogPaths(source, exclude)));
  if (!snapshot) {
    const opened = await readFiles(io, root, source, true);
    const byPath = new Map(opened.files.map((file) => [file.path, file]));
    return { root, context: opened.context, read: opened, sourceOf: (path) => byPath.get(path)!, kept: opened.kept ?? ((_name, compute) => compute()) };
  }
  warnOfSkipsAndErrors(io, source, snapshot.drafts);
  return {
    root,
    context: queryContext(snapshot),
    read: snapshot,
    sourceOf: (path) => ({ text: readFileText(join(source.realRoot, path)), parser: snapshot.parserOf(path) }),
    kept: snapshot.kept,
  };
}

/**
 * Every file read (from the parse cache where it can be), and the model; `snapshot`: taken for
 * the queries after; `use`: what the word on errors says is left out (an answer's, or an edit's).
 */
export async function openBacklog(io: CliIO, rootOption: string | undefined, options: { snapshot?: boolean; use?: 'answer' | 'edit' } = {}): Promise<OpenBacklog> {
  const root = await backlogRoot(io, rootOption);
  return readFiles(io, root, fsSource(root), options.snapshot === true, options.use);
}

async function readFiles(io: CliIO, root: string, source: FsSource, snapshot: boolean, use: 'answer' | 'edit' = 'answer'): Promise<OpenBacklog> {
  const { readBacklog } = await import('./read-backlog.js');
  const read = await readBacklog(io, root, source, { snapshot });
  warnOfSkipsAndErrors(io, source, read.drafts, use);
  return { ...read, root, context: { backlog: read.backlog, graph: read.graph } };
}

/** The word on stderr of a backlog opened: what its files' listing skipped, and whether it has errors. */
export function warnOfSkipsAndErrors(io: CliIO, source: FsSource, drafts: readonly DiagnosticDraft[], use: 'answer' | 'edit' = 'answer'): void {
  for (const notice of source.notices) io.stderr(`backlog: ${printable(notice)}\n`);
  if (drafts.length > 0) {
    const left = use === 'answer' ? 'this answer leaves out what could not be read' : 'what could not be read is left as it is';
    io.stderr(`backlog: the backlog has ${plural(drafts.length, 'error')} (see \`backlog validate\`); ${left}\n`);
  }
}

/** The model with its graph read when a query first asks for it. */
export function queryContext(snapshot: Pick<OpenedSnapshot, 'backlog' | 'graph'>): QueryContext {
  const context = { backlog: snapshot.backlog } as QueryContext;
  defineLazy(context, 'graph', (): WorkloadGraph => snapshot.graph);
  return context;
}

/**
 * For a command that may write: `action` reads and writes under the backlog's lock, so that
 * two writers never both write on what they read before the other wrote; it gets the lock's
 * journal, for writes that stay whole across a crash. A command that only reads (a dry run, a
 * check) passes `writes: false` and takes no lock.
 */
export async function whileWriting<T>(io: CliIO, rootOption: string | undefined, writes: boolean, action: (journal: string | undefined) => Promise<T>): Promise<T> {
  if (!writes) return action(undefined);
  const { withBacklogLock } = await import('../edit/backlog-lock.js');
  return withBacklogLock(resolveRoot(io.cwd, rootOption), { folder: stateFolder(io) }, ({ journal }) => action(journal));
}
