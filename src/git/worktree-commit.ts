// The working tree as a commit: when the backlog's files in the working tree are HEAD's, byte
// for byte, the working tree's backlog is HEAD's, and what is kept of HEAD (the review cache)
// serves for it. The files are compared by content, as git's blob ids: git's index could call
// a file unchanged whose bytes differ (a line-ending conversion, a stat not refreshed).
import { blobId } from '../load/content-id.js';
import { isBacklogFile } from '../load/file-filter.js';
import { ROOT_FILE } from '../load/find-root.js';
import type { FsSource } from '../load/fs-source.js';
import { treeOf } from './git-source.js';
import { commitsOf } from './object-ids.js';
import type { Repository } from './repository.js';
import type { WorktreeBlobIds } from './worktree-blob-ids.js';

/**
 * HEAD's commit id when the working tree's backlog files are HEAD's, the same paths and bytes;
 * undefined otherwise. `known`: the blob ids of files unchanged since an earlier run.
 */
export async function commitOfWorktree(repository: Repository, source: FsSource, known?: WorktreeBlobIds): Promise<string | undefined> {
  // git finds HEAD and lists its files while this process reads the working tree's.
  const listing = headCommit(repository)
    .then(async (head) => (head === undefined ? undefined : { head, tree: await treeOf(repository, head) }))
    .catch(() => undefined);
  const paths = (await source.listFiles()).filter(isBacklogFile);
  const listed = paths.length;
  // The root file counts even when it is not listed: a load reads it for its exclude globs.
  if (!paths.includes(ROOT_FILE)) paths.push(ROOT_FILE);
  const ids = new Map<string, string | undefined>();
  let room = new Uint8Array(1 << 16);
  // Every file read into the same memory: only its id is kept.
  const into = (size: number) => (size <= room.length ? room : (room = new Uint8Array(size))).subarray(0, size);
  const idOf = async (path: string) => {
    if (known) return known.idOf(source, path, into);
    const bytes = await source.readFile(path, into);
    return bytes && blobId(bytes);
  };
  try {
    for (const path of paths) ids.set(path, await idOf(path));
    known?.save();
  } catch {
    // A file that cannot be read: the load of the working tree says why.
    return undefined;
  }
  const { head, tree } = (await listing) ?? {};
  // A link in the commit is left out of its backlog with a notice: that commit is not the files here.
  if (head === undefined || tree === undefined || tree.notices.length > 0) return undefined;
  const blobs = new Map(tree.entries.map((entry) => [entry.path, entry.blob]));
  // The same files (each listed one has its blob), with the same bytes.
  if (blobs.size !== listed) return undefined;
  for (const [path, id] of ids) if (id !== blobs.get(path)) return undefined;
  return head;
}

async function headCommit(repository: Repository): Promise<string | undefined> {
  // Undefined before the first commit.
  const [commit] = await commitsOf(repository, ['HEAD']);
  return commit;
}
