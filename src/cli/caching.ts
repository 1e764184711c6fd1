// The caches, as the command line turns them on or off: one folder under the user's cache
// folder, which also holds each backlog's write lock and journal.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Cache } from '../cache/cache.js';
import type { Threads } from '../load/parallel/shared-reading.js';
import { ParseCache } from '../load/parse-cache.js';
import type { CliIO } from './io.js';
import { cacheVersion } from './version.js';

/** Whether --no-cache or BACKLOG_NO_CACHE (1, true or yes) turns every cache off. */
function cachingOff(io: CliIO): boolean {
  return /^(1|true|yes)$/i.test(io.env.BACKLOG_NO_CACHE ?? '');
}

/** `$XDG_CACHE_HOME/migration-backlog`, or `~/.cache/migration-backlog`. */
export function stateFolder(io: CliIO): string {
  // The XDG specification: a relative path is invalid and to be ignored.
  const base = io.env.XDG_CACHE_HOME && isAbsolute(io.env.XDG_CACHE_HOME) ? io.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'migration-backlog');
}

/** The cache, unless caching is off. */
export function cacheOf(io: CliIO): Cache | undefined {
  return cachingOff(io) ? undefined : new Cache(stateFolder(io), cacheVersion());
}

/** The parse results of a root, unless caching is off. */
export function parseCacheOf(io: CliIO, root: string): ParseCache | undefined {
  const cache = cacheOf(io);
  return cache && ParseCache.open(cache, root);
}

/** The threads that parse files: `--threads` (1 or 2), else the loader's choice. */
export function threadsOf(io: CliIO): Threads {
  const threads = io.env.BACKLOG_THREADS;
  return threads === '1' ? 1 : threads === '2' ? 2 : undefined;
}
