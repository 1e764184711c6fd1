// Where a backlog's lock and the journal of its writes are kept: in the folder of the user's
// caches (never in the backlog's folder, nor in git status), named by the root's real path.
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { rootHash } from '../cache/cache.js';

export function lockLocations(root: string, folder: string): { lockFile: string; journal: string } {
  const name = rootHash(realpathSync(root));
  return { lockFile: join(folder, `${name}.lock`), journal: join(folder, `${name}.journal`) };
}

/** Whether a write of this backlog was cut short (its journal is still there). */
export function interruptedWriteAt(root: string, folder: string): boolean {
  return existsSync(lockLocations(root, folder).journal);
}
