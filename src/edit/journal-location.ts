// Where a backlog's lock and the journal of its writes are kept: beside the caches, keyed by
// the root's real path, so that they never show in the backlog's folder (nor in git status).
import { existsSync, realpathSync } from 'node:fs';
import { cacheFileOf } from '../load/parse-cache.js';

type Env = Readonly<Record<string, string | undefined>>;

export function lockLocations(root: string, env: Env): { lockFile: string; journal: string } {
  const realRoot = realpathSync(root);
  return { lockFile: cacheFileOf(realRoot, env, '.lock'), journal: cacheFileOf(realRoot, env, '.journal') };
}

/** Whether a write of this backlog was cut short (its journal is still there). */
export function interruptedWriteAt(root: string, env: Env): boolean {
  return existsSync(lockLocations(root, env).journal);
}
