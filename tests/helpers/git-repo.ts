import { execFileSync } from 'node:child_process';
import { tempDir } from './temp-dir.js';

export interface Commit {
  message: string;
  /** Files to write; null deletes one. */
  files: Record<string, string | null>;
  /** Commit date, YYYY-MM-DD (author and committer); default 2026-01-01. */
  date?: string;
  /** Branch to commit on (created from the current commit when new). */
  branch?: string;
}

const AUTHOR = 'Ana Planner <ana@example.com>';

/**
 * A git repository built from object literals, one commit each, with the last commit's branch
 * checked out; returns its folder. Every commit is written by one `git fast-import`, not by
 * three git processes a commit.
 */
export function gitRepo(commits: Commit[]): string {
  const dir = tempDir();
  const stream: Buffer[] = [];
  const text = (value: string) => stream.push(Buffer.from(value));
  const data = (value: string) => {
    const bytes = Buffer.from(value);
    text(`data ${bytes.length}\n`);
    stream.push(bytes);
    text('\n');
  };
  let branch = 'main';
  let previous: number | undefined;
  commits.forEach((commit, index) => {
    const mark = index + 1;
    branch = commit.branch ?? branch;
    const when = `${Date.parse(`${commit.date ?? '2026-01-01'}T12:00:00Z`) / 1000} +0000`;
    text(`commit refs/heads/${branch}\nmark :${mark}\nauthor ${AUTHOR} ${when}\ncommitter ${AUTHOR} ${when}\n`);
    data(commit.message);
    // Each commit follows the one before, whatever its branch (a new branch starts there).
    if (previous !== undefined) text(`from :${previous}\n`);
    for (const [path, content] of Object.entries(commit.files)) {
      if (content === null) text(`D ${path}\n`);
      else {
        text(`M 100644 inline ${path}\n`);
        data(content);
      }
    }
    text('\n');
    previous = mark;
  });
  // One process from the test's (a fork of a large process costs more than git's work): a shell runs the three.
  execFileSync('sh', ['-c', 'git init -q -b main && git fast-import --quiet && git checkout -q -f "$1"', 'sh', branch], { cwd: dir, input: Buffer.concat(stream) });
  return dir;
}

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Ana Planner', GIT_AUTHOR_EMAIL: 'ana@example.com', GIT_COMMITTER_NAME: 'Ana Planner', GIT_COMMITTER_EMAIL: 'ana@example.com', ...env },
  });
}
