import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

export const ROOT_FILE = 'backlog.yaml';

/**
 * The backlog root: `--root` as given (a folder without backlog.yaml is an empty project),
 * or the nearest folder from `cwd` upwards that holds backlog.yaml.
 */
export function resolveRoot(cwd: string, root?: string): string {
  if (root !== undefined) {
    const dir = resolve(cwd, root);
    if (!existsSync(dir)) throw new UsageError(`--root ${root}: no such folder`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`--root ${root}: not a folder`);
    return dir;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ROOT_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `no backlog found: no ${ROOT_FILE} in ${resolve(cwd)} or any folder above it`,
    'run it inside a backlog (a folder with backlog.yaml, or below one), or pass --root DIR',
  );
}
