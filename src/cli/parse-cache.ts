import { ParseCache } from '../load/parse-cache.js';
import type { CliIO } from './io.js';
import { toolVersion } from './version.js';

/** The parse cache of a root, unless --no-cache or BACKLOG_NO_CACHE=1 turns it off. */
export function parseCache(root: string, io: CliIO): { cache?: ParseCache } {
  if (io.env.BACKLOG_NO_CACHE === '1') return {};
  return { cache: ParseCache.open(root, toolVersion(), io.env) };
}
