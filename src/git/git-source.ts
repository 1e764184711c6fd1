// BacklogSources over git commits: the backlog's files as they were, read without checking
// anything out, in few git processes whatever the size — the command's one `cat-file --batch`
// reads the trees of each commit (a level of folders at a time) and the blobs of all of them.
import { execFile } from 'node:child_process';
import { errorMessage, IoError } from '../errors.js';
import { isBacklogFile } from '../load/file-filter.js';
import type { BacklogSource } from '../load/source.js';
import { treeEntries } from './object-reader.js';
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
  const contents = await repository.objects.read([...new Set(trees.flatMap((tree) => tree.entries.filter((entry) => read(entry.path, entry.blob)).map((entry) => entry.blob)))]);
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

/** The backlog files of a commit with their blob ids, sorted by path (as `git ls-tree -r` lists them). */
export async function treeOf(repository: Repository, commit: string): Promise<Tree> {
  // The ids are the commit's length: SHA-1 or SHA-256.
  const idBytes = commit.length / 2;
  const notices: string[] = [];
  const entries: TreeEntry[] = [];
  let level = [{ name: `${commit}:${repository.prefix}`, path: '' }];
  while (level.length > 0) {
    const trees = await repository.objects.objects(level.map((tree) => tree.name));
    const below: typeof level = [];
    for (const { name, path: folder } of level) {
      const tree = trees.get(name);
      if (tree?.type !== 'tree') continue;
      for (const { mode, name: entryName, id } of treeEntries(tree.contents, idBytes)) {
        const path = folder === '' ? entryName : `${folder}/${entryName}`;
        if (mode === '40000') below.push({ name: id, path });
        // A submodule (a commit in the tree) has no files here.
        else if (mode === '160000' || !isBacklogFile(path)) continue;
        else if (mode === '120000') notices.push(`skipped ${path}: a symbolic link in ${commit.slice(0, 7)}`);
        else entries.push({ path, blob: id });
      }
    }
    level = below;
  }
  entries.sort(byPath);
  return { commit, entries, notices };
}

/**
 * A git command's output, from a process of its own: simple-git, asked for the trees of many
 * commits at once, has been seen to return one of them cut short.
 */
function gitOutput(repository: Repository, args: string[], input?: string): Promise<string> {
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
