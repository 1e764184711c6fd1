import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * What to put before a root-relative path to make it relative to the repository (for GitHub
 * annotations and SARIF, which GitHub maps onto the repository's files): the backlog root's
 * place in the nearest enclosing git work tree, else in the current folder.
 */
export function repositoryPrefix(root: string, cwd: string): string {
  let top: string | undefined;
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      top = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  const rel = relative(top ?? cwd, root);
  if (rel === '' || rel.startsWith('..')) return '';
  return `${rel.split(sep).join('/')}/`;
}
