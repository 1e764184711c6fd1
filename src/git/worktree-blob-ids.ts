// The git blob ids of the working tree's files, kept in the cache (cache/cache.ts) by each file's
// stamp (size, times, inode: load/fs-source.ts), so that a file whose stamp is as it was is not
// read again. As git's index does, but of the bytes on disk (no line-ending conversion), and a
// file changed too shortly before it was read is not kept: a change in the same clock tick
// would leave its stamp as it was (load/snapshot.ts says more).
import type { Cache } from '../cache/cache.js';
import { KeptByKey } from '../cache/kept-by-key.js';
import { blobId } from '../load/content-id.js';
import type { FsSource } from '../load/fs-source.js';
import { RACY_MS } from '../load/snapshot.js';
import type { RoomFor } from '../load/source.js';

/** Stored as [stamp, blob id]. */
const isStoredId = (stored: unknown): stored is [string, string] => Array.isArray(stored) && typeof stored[0] === 'string' && typeof stored[1] === 'string';

export class WorktreeBlobIds {
  private constructor(private readonly kept: KeptByKey<[string, string]>) {}

  /** The ids kept for a backlog root; none when there are none or the entry is damaged. */
  static open(cache: Cache, root: string): WorktreeBlobIds {
    return new WorktreeBlobIds(KeptByKey.open(cache, root, 'blob-ids', isStoredId));
  }

  /** The blob id of a file as it is now: kept from an earlier run while its stamp is the same, else read. Undefined when it is gone. */
  async idOf(source: FsSource, path: string, room: RoomFor): Promise<string | undefined> {
    const readAt = Date.now();
    const stamp = source.stamp(path);
    const known = this.kept.get(path);
    if (stamp && known && known[0] === stamp.key) return known[1];
    const bytes = await source.readFile(path, room);
    if (!bytes) return undefined;
    const id = blobId(bytes);
    if (stamp && stamp.changedAt < readAt - RACY_MS) this.kept.set(path, [stamp.key, id]);
    return id;
  }

  /** Writes the ids of the files asked for this run, when any was read. */
  save(): void {
    this.kept.save();
  }
}
