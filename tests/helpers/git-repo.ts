import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeFiles } from './temp-dir.js';

export interface Commit {
  message: string;
  /** Files to write; null deletes one. */
  files: Record<string, string | null>;
  /** Commit date, YYYY-MM-DD (author and committer); default 2026-01-01. */
  date?: string;
  /** Branch to commit on (created from the current commit when new). */
  branch?: string;
}

/** A git repository built from object literals, one commit each; returns its folder. */
export function gitRepo(commits: Commit[]): string {
  const dir = tempDir();
  git(dir, ['init', '-q', '-b', 'main']);
  for (const commit of commits) {
    if (commit.branch) git(dir, ['checkout', '-q', '-B', commit.branch]);
    for (const [path, text] of Object.entries(commit.files)) {
      if (text === null) rmSync(join(dir, path), { force: true });
      else writeFiles(dir, { [path]: text });
    }
    git(dir, ['add', '-A']);
    const date = `${commit.date ?? '2026-01-01'}T12:00:00Z`;
    git(dir, ['commit', '-q', '--allow-empty', '-m', commit.message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  }
  return dir;
}

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Ana Planner', GIT_AUTHOR_EMAIL: 'ana@example.com', GIT_COMMITTER_NAME: 'Ana Planner', GIT_COMMITTER_EMAIL: 'ana@example.com', ...env },
  });
}
