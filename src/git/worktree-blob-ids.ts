// The git blob ids of the working tree's files, kept in the cache (cache/cache.ts) by each file's
// stamp (size, times, inode: load/fs-source.ts), so that a file whose stamp is as it was is not
// read again. As git's index does, but of the bytes on disk (no line-ending conversion), and a
// file changed too shortly before it was read is not kept: a change in the same clock tick
// would leave its stamp as it was (load/snapshot.ts says more).
import type { Cache } from '../cache/cache.js';
import { blobId } from '../load/content-id.js';
import type { FsSource } from '../load/fs-source.js';
import { RACY_MS } from '../load/snapshot.js';
import type { RoomFor } from '../load/source.js';

/** The section of the ids: [stamp, blob id] by path. */
const IDS = 'ids';

export class WorktreeBlobIds {
  private readonly used = new Map<string, [string, string]>();
  private added = false;

  private constructor(
    private readonly cache: Cache,
    private readonly root: string,
    private readonly known: ReadonlyMap<string, unknown>,
  ) {}

  /** The ids kept for a backlog root; none when there are none or the entry is damaged. */
  static open(cache: Cache, root: string): WorktreeBlobIds {
    let stored: unknown;
    try {
      stored = cache.read(cache.location(root, 'blob-ids'))?.section<unknown>(IDS);
    } catch {
      // Damaged: removed on the way, and written again with this run's ids.
    }
    return new WorktreeBlobIds(cache, root, new Map(stored && typeof stored === 'object' ? Object.entries(stored) : []));
  }

  /** The blob id of a file as it is now: kept from an earlier run while its stamp is the same, else read. Undefined when it is gone. */
  async idOf(source: FsSource, path: string, room: RoomFor): Promise<string | undefined> {
    const readAt = Date.now();
    const stamp = source.stamp(path);
    const known = this.known.get(path);
    if (stamp && Array.isArray(known) && known[0] === stamp.key && typeof known[1] === 'string') {
      this.used.set(path, known as [string, string]);
      return known[1];
    }
    const bytes = await source.readFile(path, room);
    if (!bytes) return undefined;
    const id = blobId(bytes);
    if (stamp && stamp.changedAt < readAt - RACY_MS) {
      this.used.set(path, [stamp.key, id]);
      this.added = true;
    }
    return id;
  }

  /** Writes the ids of the files asked for this run, when any was read. */
  save(): void {
    if (!this.added) return;
    if (this.cache.write(this.cache.location(this.root, 'blob-ids'), {}, { [IDS]: Object.fromEntries(this.used) })) this.cache.tidy(this.root);
  }
}
