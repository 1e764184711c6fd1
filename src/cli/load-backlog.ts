// Reading every file of a backlog into its model: apart from open-backlog.ts so that a query
// answered from the snapshot loads none of the parsers (start-up is a bar of the specification).
import { loadFiles } from '../load/load-files.js';
import type { FsSource } from '../load/fs-source.js';
import { saveSnapshot } from '../load/snapshot.js';
import type { SourceFile } from '../load/types.js';
import { BacklogReader, type ReadBacklog } from '../validate/read-backlog.js';
import type { CliIO } from './io.js';
import { parseCache } from './parse-cache.js';
import { cacheVersion } from './version.js';

/** The files read (from the parse cache where it can be) and the model. */
export interface LoadedBacklog extends ReadBacklog {
  files: SourceFile[];
}

/** Reads every file; takes a snapshot of the model when given where to keep it. */
export async function loadBacklog(io: CliIO, rootDir: string, source: FsSource, snapshotFile: string | undefined): Promise<LoadedBacklog> {
  const takenAt = Date.now();
  const caching = parseCache(rootDir, io);
  let rootFile: { file: SourceFile | undefined; exclude: readonly string[] } = { file: undefined, exclude: [] };
  // The model is built as the files come, in order.
  const reader = new BacklogReader();
  const files = await loadFiles(source, { ...caching, onRootFile: (file, exclude) => (rootFile = { file, exclude }), onFile: (file, whileReading) => reader.add(file, whileReading) });
  await caching.cache?.save();
  const read = reader.finish();
  if (snapshotFile) {
    const content = { exclude: rootFile.exclude, rootFile: rootFile.file, files, backlog: read.backlog, drafts: read.drafts, unreadableFiles: read.unreadableFiles };
    await saveSnapshot(snapshotFile, cacheVersion(), source, content, takenAt);
  }
  return { ...read, files };
}
