// Reading every file of a backlog into its model, through the parse cache, and taking a
// snapshot of the model for the queries after it: apart from open-backlog.ts so that a query
// answered from the snapshot loads none of the parsers (start-up is a bar of the specification).
import type { FsSource } from '../load/fs-source.js';
import { loadBacklog, type LoadedBacklog } from '../load/load-backlog.js';
import { saveSnapshot, type Keep } from '../load/snapshot.js';
import { cacheOf, threadsOf } from './caching.js';
import type { CliIO } from './io.js';

/** `snapshot`: keep the model for the queries that come next (and, with it, what they work out from it). */
export async function readBacklog(io: CliIO, root: string, source: FsSource, options: { snapshot: boolean }): Promise<LoadedBacklog & { kept?: Keep }> {
  const takenAt = Date.now();
  const cache = cacheOf(io);
  const { ParseCache } = await import('../load/parse-cache.js');
  const parseCache = cache && ParseCache.open(cache, root);
  const loaded = await loadBacklog(source, { ...(parseCache ? { cache: parseCache } : {}), threads: threadsOf(io) });
  await parseCache?.save();
  if (cache && options.snapshot) {
    const { files, root: rootFile, backlog, graph, drafts, unreadableFiles } = loaded;
    const kept = await saveSnapshot(cache, root, source, { exclude: rootFile.exclude, rootFile: rootFile.file, files, backlog, graph, drafts, unreadableFiles }, takenAt);
    if (kept) return { ...loaded, kept };
  }
  return loaded;
}
