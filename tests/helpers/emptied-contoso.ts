// examples/contoso committed in a git repository of its own, then every backlog file but
// backlog.yaml removed: an empty backlog with the project settings, whose HEAD is contoso.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { git } from './git-repo.js';
import { copyOf } from './temp-dir.js';

export const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

export function emptiedContoso(): string {
  const root = copyOf(CONTOSO);
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'contoso']);
  const remove = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '.git') remove(path);
      else if (entry.isFile() && entry.name.endsWith('.yaml') && path !== join(root, 'backlog.yaml')) rmSync(path);
    }
  };
  remove(root);
  return root;
}
