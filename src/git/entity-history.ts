// `backlog log REF`: the history of one entity, newest first. Commits that touch the backlog are
// walked back from HEAD along first parents; in each, only the files the commit changed are
// read at its parent, and the entity is looked for among them — so it is followed when it moves
// to another file, and a large backlog costs no more than the files each commit touched.
import type { CollectionName } from '../../schemas/collections.js';
import { contentOf, fieldChanges, type FieldChange } from '../diff/compare.js';
import type { Entity } from '../model/entity.js';
import { readSourceFile } from '../load/read-source-file.js';
import { backlogOfFiles } from '../load/backlog-of-files.js';
import { changesBetween } from './git-source.js';
import { run, type Repository } from './repository.js';

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  change: 'added' | 'changed' | 'moved';
  fields: FieldChange[];
  /** The file it is in after the commit; and before it, when it moved. */
  file: string;
  movedFrom?: string;
}

interface State {
  file: string;
  content: Record<string, unknown>;
}

/** A commit of the history, with its first parent ('' for a root commit). */
export interface HistoryCommit {
  commit: string;
  parent: string;
  date: string;
  author: string;
  subject: string;
}

/** The commits that may touch the backlog, from `head` back along first parents. */
export async function firstParentCommits(repository: Repository, head: string): Promise<HistoryCommit[]> {
  // At the top of the repository every commit may: no pathspec, which would have git diff each
  // commit (a commit that changes nothing is passed over by the walk all the same).
  const pathspec = repository.prefix === '' ? [] : ['--', repository.prefix];
  const log = await run(repository, ['log', '--first-parent', '--format=%H%x1f%P%x1f%aI%x1f%an%x1f%s%x1e', head, ...pathspec]);
  return log
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [commit, parents, date, author, subject] = record.split('\x1f') as [string, string, string, string, string];
      return { commit, parent: parents.split(' ')[0] ?? '', date, author, subject };
    });
}

/** The entity's history along these commits (firstParentCommits), newest first. */
export async function entityHistory(repository: Repository, commits: readonly HistoryCommit[], entity: Entity, maxCount: number): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let state: State = { file: entity.file, content: contentOf(entity) };
  const changedAt = changedFilesOf(repository, commits);
  // The files of every commit looked at, from the command's one git process.
  for (const [index, { commit, parent, date, author, subject }] of commits.entries()) {
    if (entries.length >= maxCount) break;
    const changed = await changedAt(index);
    if (!changed.includes(state.file)) continue;
    const previous = parent ? await findAt(repository, parent, changed, entity.collection, entity.key) : undefined;
    const about = { commit, date, author, subject, file: state.file };
    if (!previous) {
      entries.push({ ...about, change: 'added', fields: fieldChanges({}, state.content) });
      break;
    }
    const fields = fieldChanges(previous.content, state.content);
    const moved = previous.file !== state.file;
    if (fields.length > 0 || moved) entries.push({ ...about, change: fields.length > 0 ? 'changed' : 'moved', fields, ...(moved ? { movedFrom: previous.file } : {}) });
    state = previous;
  }
  return entries;
}

/** How many commits' changes are asked of one git process: a log that stops early asks for few. */
const BATCH = 32;

/** The backlog files the commit at an index changed, asked of git for a batch of commits at a time. */
function changedFilesOf(repository: Repository, commits: readonly HistoryCommit[]): (index: number) => Promise<string[]> {
  const batches = new Map<number, Promise<string[][]>>();
  return async (index) => {
    const start = index - (index % BATCH);
    let batch = batches.get(start);
    if (!batch) batches.set(start, (batch = changedInBatch(repository, commits.slice(start, start + BATCH))));
    return (await batch)[index - start]!;
  };
}

async function changedInBatch(repository: Repository, commits: readonly HistoryCommit[]): Promise<string[][]> {
  const withParent = commits.filter(({ parent }) => parent !== '');
  const diffs = await changesBetween(repository, withParent);
  return Promise.all(
    commits.map(async (pair) => {
      const diff = diffs?.[withParent.indexOf(pair)];
      return diff ? diff.map(({ path }) => path).filter(isYaml) : changedIn(repository, pair.parent, pair.commit);
    }),
  );
}

const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/** The backlog files a commit changed, relative to the backlog root (all of them for a root commit). */
async function changedIn(repository: Repository, parent: string, commit: string): Promise<string[]> {
  const pathspec = repository.prefix === '' ? '.' : repository.prefix;
  const args = parent ? ['diff-tree', '--no-commit-id', '--name-only', '-r', '-z', parent, commit, '--', pathspec] : ['ls-tree', '-r', '--name-only', '-z', commit, '--', pathspec];
  const paths = (await run(repository, args)).split('\0').filter(Boolean);
  return paths.map((path) => (repository.prefix === '' ? path : path.slice(repository.prefix.length + 1))).filter(isYaml);
}

/** The entity in these files as they were at a commit, if it was in one of them. */
async function findAt(repository: Repository, commit: string, files: string[], collection: CollectionName, key: string): Promise<State | undefined> {
  const full = (path: string) => (repository.prefix === '' ? path : `${repository.prefix}/${path}`);
  const blobs = await repository.objects.read(files.map((path) => `${commit}:${full(path)}`));
  const sources = files.flatMap((path) => {
    const bytes = blobs.get(`${commit}:${full(path)}`);
    return bytes ? [readSourceFile(path, bytes)] : [];
  });
  const found = backlogOfFiles(sources).backlog.byKey[collection].get(key) as Entity | undefined;
  return found ? { file: found.file, content: contentOf(found) } : undefined;
}
