// BacklogSources over git commits: the backlog's files as they were, read without checking
// anything out, in few git processes whatever the size — an `ls-tree` per commit lists the
// files, one `cat-file --batch` reads the blobs of all the commits.
import { execFile } from 'node:child_process';
import { errorMessage, IoError } from '../errors.js';
import { isBacklogFile } from '../load/file-filter.js';
import type { BacklogSource } from '../load/source.js';
import { ObjectReader } from './object-reader.js';
import type { Repository } from './repository.js';

interface TreeEntry {
  path: string;
  blob: string;
}

/**
 * The backlog at several commits, their blobs read in one `git cat-file --batch`: a blob the
 * commits share (nearly all of them, in a diff) is read once. `wanted`: the files to read, once
 * git has listed them (a caller that has what it needs of the others by their blob ids); the
 * rest are listed, with their ids, and not read.
 */
export async function gitSources(repository: Repository, commits: readonly string[], wanted: () => (path: string, blob: string) => boolean = () => () => true): Promise<BacklogSource[]> {
  const trees = await treesOf(repository, commits);
  const read = wanted();
  const contents = await readBlobs(repository, [...new Set(trees.flatMap((tree) => tree.entries.filter((entry) => read(entry.path, entry.blob)).map((entry) => entry.blob)))]);
  return trees.map(({ commit, entries, notices }) => {
    for (const entry of entries) if (read(entry.path, entry.blob) && !contents.has(entry.blob)) throw new IoError(`git cat-file: blob ${entry.blob} of ${entry.path} is missing`);
    const byPath = new Map(entries.map((entry) => [entry.path, entry.blob]));
    return {
      description: `${commit.slice(0, 7)}:${repository.prefix || '.'}`,
      notices,
      async listFiles() {
        return entries.map((entry) => entry.path);
      },
      async readFile(path) {
        const blob = byPath.get(path);
        if (blob === undefined) return undefined;
        const bytes = contents.get(blob);
        // Never "no such file": a file left unread was to be had by its id.
        if (bytes === undefined) throw new Error(`${path} of ${commit} was not read from git`);
        return bytes;
      },
      contentId: (path) => byPath.get(path),
    };
  });
}

interface Tree {
  commit: string;
  entries: TreeEntry[];
  notices: string[];
}

/**
 * The trees of the commits: the first listed whole, each after it as the one before with the
 * files `git diff-tree` says changed (a commit of a history differs from the one before in a
 * few files). A tree with symbolic links is listed whole, for its notices.
 */
async function treesOf(repository: Repository, commits: readonly string[]): Promise<Tree[]> {
  if (commits.length === 0) return [];
  const diffs = changesBetween(repository, commits.slice(1).map((commit, i) => ({ commit, parent: commits[i]! })));
  const trees = [await treeOf(repository, commits[0]!)];
  const sections = await diffs;
  // Not the answer asked for (another git's format): every commit listed whole.
  if (sections === undefined) return Promise.all(commits.map((commit) => treeOf(repository, commit)));
  for (const [i, diff] of sections.entries()) {
    const commit = commits[i + 1]!;
    const previous = trees[i]!;
    const changed = new Map<string, string | undefined>();
    let whole = false;
    for (const { oldMode, newMode, blob, status, path } of diff) {
      if (oldMode === '120000' || newMode === '120000') whole = true;
      if (!isBacklogFile(path) || (newMode === '160000' && oldMode === '160000')) continue;
      changed.set(path, status === 'D' || newMode === '160000' ? undefined : blob);
    }
    // Notices name their commit: a tree with links is listed whole.
    if (whole || previous.notices.length > 0) {
      trees.push(await treeOf(repository, commit));
      continue;
    }
    const entries = previous.entries.filter((entry) => !changed.has(entry.path));
    for (const [path, blob] of changed) if (blob !== undefined) entries.push({ path, blob });
    entries.sort(byPath);
    trees.push({ commit, entries, notices: previous.notices });
  }
  return trees;
}

interface DiffLine {
  oldMode: string;
  newMode: string;
  blob: string;
  status: string;
  /** Relative to the backlog root. */
  path: string;
}

/**
 * The files under the backlog root each commit changed against the parent given with it, from
 * one `git diff-tree --stdin` for all of them; undefined when git answers in another format.
 */
export async function changesBetween(repository: Repository, pairs: ReadonlyArray<{ commit: string; parent: string }>): Promise<DiffLine[][] | undefined> {
  if (pairs.length === 0) return [];
  const pathspec = repository.prefix === '' ? '.' : repository.prefix;
  // Each line asks for a commit against another ("commit parent").
  const input = pairs.map(({ commit, parent }) => `${commit} ${parent}\n`).join('');
  const sections = diffSections(repository, await gitOutput(repository, ['diff-tree', '--stdin', '--always', '-r', '-z', '--no-renames', '--', pathspec], input));
  return sections.length === pairs.length ? sections : undefined;
}

/** The changes `git diff-tree --stdin --always -z` gives, one list for each pair it was given. */
function diffSections(repository: Repository, output: string): DiffLine[][] {
  const sections: DiffLine[][] = [];
  const fields = output.split('\0');
  for (let at = 0; at < fields.length; at++) {
    const field = fields[at]!;
    if (field === '') continue;
    // A change is its modes, ids and status, then its path; anything else heads the next pair's changes.
    if (!field.startsWith(':')) {
      sections.push([]);
      continue;
    }
    const [oldMode, newMode, , blob, status] = field.slice(1).split(' ') as [string, string, string, string, string];
    sections.at(-1)!.push({ oldMode, newMode, blob, status, path: relativePath(repository, fields[++at]!) });
  }
  return sections;
}

function relativePath(repository: Repository, fullPath: string): string {
  return repository.prefix === '' ? fullPath : fullPath.slice(repository.prefix.length + 1);
}

function byPath(a: TreeEntry, b: TreeEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The backlog files of a commit with their blob ids, sorted by path. */
export async function treeOf(repository: Repository, commit: string): Promise<Tree> {
  const pathspec = repository.prefix === '' ? '.' : repository.prefix;
  const listing = await gitOutput(repository, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', pathspec]);
  const notices: string[] = [];
  const entries: TreeEntry[] = [];
  for (const line of listing.split('\0').filter(Boolean)) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (!match) continue;
    const [, mode, type, blob, fullPath] = match as unknown as [string, string, string, string, string];
    const path = relativePath(repository, fullPath);
    if (type !== 'blob' || !isBacklogFile(path)) continue;
    if (mode === '120000') {
      notices.push(`skipped ${path}: a symbolic link in ${commit.slice(0, 7)}`);
      continue;
    }
    entries.push({ path, blob });
  }
  entries.sort(byPath);
  return { commit, entries, notices };
}

/**
 * A git command's output, from a process of its own: simple-git, asked for the trees of many
 * commits at once, has been seen to return one of them cut short.
 */
export function gitOutput(repository: Repository, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', args, { cwd: repository.top, maxBuffer: 1024 ** 3, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new IoError(`git ${args[0]} failed: ${stderr.trim() || errorMessage(error)}`, { cause: error }));
      else resolve(stdout);
    });
    // A command that reads no input may be gone before it is written: its exit status tells.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input ?? '');
  });
}

/** Object contents by name, from a `git cat-file --batch` of their own (object-reader.ts). */
async function readBlobs(repository: Repository, blobs: string[]): Promise<Map<string, Uint8Array>> {
  const reader = new ObjectReader(repository);
  try {
    return await reader.read(blobs);
  } finally {
    reader.close();
  }
}
