import { ParseCache } from '../load/parse-cache.js';
import type { CliIO } from './io.js';
import { cacheVersion } from './version.js';

/** Whether --no-cache or BACKLOG_NO_CACHE (1, true or yes) turns every cache off. */
export function cachingOff(io: CliIO): boolean {
  return /^(1|true|yes)$/i.test(io.env.BACKLOG_NO_CACHE ?? '');
}

/** The parse cache of a root, unless caching is off. */
export function parseCache(root: string, io: CliIO): { cache?: ParseCache } {
  if (cachingOff(io)) return {};
  return { cache: ParseCache.open(root, cacheVersion(), io.env) };
}
