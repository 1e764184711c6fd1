// The git repository around a backlog, through simple-git: which commit a ref names, what
// changed, the history. Every failure is a clear user error (exit 2) or an I/O error (exit 3).
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { errorMessage, IoError, UsageError } from '../errors.js';
import { commitsOf } from './object-ids.js';
import { ObjectReader } from './object-reader.js';

export const WORKTREE = 'WORKTREE';

export interface Repository {
  git: SimpleGit;
  /** The top of the work tree. */
  top: string;
  /** The backlog root inside it, with `/` separators, '' at the top. */
  prefix: string;
  /** A shallow clone: its history is cut short. */
  shallow: boolean;
  /** What git answered of each object name during this command (object-ids.ts). */
  objectIds: Map<string, Promise<string | undefined>>;
  /** The command's one `git cat-file --batch`: names, trees and files (withRepository ends it). */
  objects: ObjectReader;
}

export async function openRepository(root: string): Promise<Repository> {
  const git = simpleGit({ baseDir: root });
  let top: string;
  let shallow: string | undefined;
  try {
    // Asked with the top: every command that reads history may have to tell.
    [top, shallow] = (await git.revparse(['--show-toplevel', '--is-shallow-repository'])).split('\n') as [string, string?];
  } catch {
    throw new UsageError(`${root} is not in a git repository`, 'the review commands read the backlog from git: run them in a clone');
  }
  // git gives the top with links resolved: the root must be compared resolved too.
  const prefix = relative(realpathSync(top), realpathSync(root)).split(sep).join('/');
  return { git, top, prefix, shallow: shallow === 'true', objectIds: new Map(), objects: new ObjectReader(top) };
}

/** `read` given the repository of `root`; its git process is ended when `read` is done. */
export async function withRepository<T>(root: string, read: (repository: Repository) => Promise<T>): Promise<T> {
  const repository = await openRepository(root);
  try {
    return await read(repository);
  } finally {
    repository.objects.close();
  }
}

/** The full commit id a ref names; a clear error for an unknown one, with the hint a shallow clone needs. */
export async function resolveCommit(repository: Repository, ref: string): Promise<string> {
  const [commit] = await resolveCommits(repository, [ref]);
  return commit!;
}

/** The commits of several refs, asked of git at once; the error is of the first unknown one. */
export async function resolveCommits(repository: Repository, refs: readonly string[]): Promise<string[]> {
  // HEAD with them, in the same process: the working tree's side is HEAD's when it has its files.
  const commits = await commitsOf(repository, [...refs, 'HEAD']);
  return refs.map((ref, index) => commits[index] ?? notFound(repository, ref));
}

/** What to do about a shallow clone, for every command that reads history. */
const SHALLOW_CLONE_HINT = 'this is a shallow clone: fetch the history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)';

function notFound(repository: Repository, ref: string): never {
  throw new UsageError(`unknown git ref \`${ref}\``, repository.shallow ? SHALLOW_CLONE_HINT : 'check the branch or commit name (`git log --oneline`)');
}

/**
 * A warning for a command whose answer is the history itself (`log`, `report --history`): in a
 * shallow clone that history is cut short, and nothing else would say so.
 */
export async function shallowHistoryWarning(repository: Repository): Promise<string | undefined> {
  return repository.shallow ? `backlog: the history shown stops where this clone's does: ${SHALLOW_CLONE_HINT}\n` : undefined;
}

/**
 * The base of a review: the merge-base of `head` with the first of `origin/$GITHUB_BASE_REF`,
 * `origin/HEAD`, `main`, `master` that exists. With GITHUB_BASE_REF set (a pull request's
 * run), only that branch will do (`origin/` or local): another would review the wrong change.
 * In a GitLab merge request's pipeline, the commit GitLab compares with: the target branch's
 * tip in a merged-results pipeline, else the merge-base (CI_MERGE_REQUEST_DIFF_BASE_SHA).
 */
export async function defaultBase(repository: Repository, head: string, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const baseRef = env.GITHUB_BASE_REF;
  // A merged-results pipeline checks out the change merged onto the target's tip: that tip is the base.
  const variable = ['CI_MERGE_REQUEST_TARGET_BRANCH_SHA', 'CI_MERGE_REQUEST_DIFF_BASE_SHA'].find((name) => env[name]);
  if (!baseRef && variable) return mergeRequestBaseIn(repository, head, { variable, commit: env[variable]! }, env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME);
  const candidates = baseRef ? [`origin/${baseRef}`, baseRef] : ['origin/HEAD', 'main', 'master'];
  // Every candidate asked at once: the first that exists is the base.
  // `head` with them: a side of the review, whose tree comes with it.
  const [, ...commits] = await commitsOf(repository, [head, ...candidates]);
  for (const [index, candidate] of candidates.entries()) {
    const commit = commits[index];
    if (commit === undefined) continue;
    try {
      return (await repository.git.raw(['merge-base', head, commit])).trim();
    } catch {
      throw new UsageError(`no common history between ${candidate} and ${head}`, repository.shallow ? SHALLOW_CLONE_HINT : undefined);
    }
  }
  if (baseRef) {
    throw new UsageError(
      `the base of the pull request, origin/${baseRef} (GITHUB_BASE_REF), is not in this clone`,
      repository.shallow ? 'this is a shallow clone: check it out with `fetch-depth: 0` (actions/checkout), which brings the base branch and its history' : `fetch it: \`git fetch origin ${baseRef}\``,
    );
  }
  throw new UsageError('no base to compare with: name one (`backlog diff BASE`, `validate --changed --base BASE`), or set GITHUB_BASE_REF', 'none of origin/HEAD, main or master exists here');
}

async function mergeRequestBaseIn(repository: Repository, head: string, base: { variable: string; commit: string }, target: string | undefined): Promise<string> {
  const [, commit] = await commitsOf(repository, [head, base.commit]);
  if (commit !== undefined) return commit;
  throw new UsageError(
    `the base of the merge request, ${base.commit.slice(0, 12)} (${base.variable}), is not in this clone`,
    repository.shallow ? 'this is a shallow clone: set `GIT_DEPTH: 0` in the job\'s variables, which brings the whole history' : `fetch it: \`git fetch origin ${target ?? base.commit}\``,
  );
}

/** Files under the backlog root that changed between a commit and the work tree (or another commit), relative to the root. */
export async function changedFiles(repository: Repository, base: string, head: string): Promise<string[]> {
  const pathspec = repository.prefix === '' ? '.' : repository.prefix;
  const args = head === WORKTREE ? ['diff', '--name-only', '-z', base, '--', pathspec] : ['diff', '--name-only', '-z', base, head, '--', pathspec];
  const listed = (await run(repository, args)).split('\0').filter(Boolean);
  if (head === WORKTREE) {
    // New files are changes too, before anyone adds them.
    const untracked = (await run(repository, ['ls-files', '--others', '--exclude-standard', '-z', '--', pathspec])).split('\0').filter(Boolean);
    listed.push(...untracked);
  }
  return [...new Set(listed)].map((path) => (repository.prefix === '' ? path : path.slice(repository.prefix.length + 1)));
}

/** Runs a git command through simple-git, from the top of the work tree; failures are I/O errors. */
export async function run(repository: Repository, args: string[]): Promise<string> {
  try {
    return await repository.git.cwd(repository.top).raw(args);
  } catch (error) {
    throw new IoError(`git ${args[0]} failed: ${errorMessage(error)}`, { cause: error });
  }
}

/**
 * The two sides a revision range names, as `git diff` reads them: `A..B` compares A with B, and
 * `A...B` the merge-base of A and B with B; a side left out is HEAD. Undefined for a plain ref
 * (git allows no `..` in a ref's name).
 */
export async function resolveRange(repository: Repository, text: string): Promise<{ base: string; head: string } | undefined> {
  const symmetric = text.indexOf('...');
  const at = symmetric !== -1 ? symmetric : text.indexOf('..');
  if (at === -1) return undefined;
  const [from, to] = [text.slice(0, at) || 'HEAD', text.slice(at + (symmetric !== -1 ? 3 : 2)) || 'HEAD'];
  const [head, fromCommit] = (await resolveCommits(repository, [to, from])) as [string, string];
  if (symmetric === -1) return { base: fromCommit, head };
  try {
    return { base: (await repository.git.raw(['merge-base', fromCommit, head])).trim(), head };
  } catch {
    throw new UsageError(`no common history between ${from} and ${to}`, repository.shallow ? SHALLOW_CLONE_HINT : undefined);
  }
}
