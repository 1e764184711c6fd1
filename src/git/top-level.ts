// The top of the git work tree around a folder, found by its `.git` (a folder, or a file in a
// worktree or a submodule) without starting git: `init` writes the CI there.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The top of the work tree holding `dir` (which may not exist yet); undefined outside one. */
export function gitTopLevel(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}
