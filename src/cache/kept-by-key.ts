// Small values kept in the cache for a backlog root, each under a key of its own (a hash of a
// file's bytes, a file's path): read whole when opened, written again when one was added, with
// those used this run and as many earlier ones as the caller allows.
import type { Cache, EntryKind } from './cache.js';

/** The section of the values: an object of them by key. */
const VALUES = 'values';

export class KeptByKey<V> {
  private readonly used = new Map<string, V>();
  private added = false;

  private constructor(
    private readonly cache: Cache,
    private readonly root: string,
    private readonly kind: EntryKind,
    private readonly known: ReadonlyMap<string, unknown>,
    private readonly isValue: (stored: unknown) => stored is V,
  ) {}

  /** The values kept for a backlog root; none when there are none or the entry is damaged. `isValue` tells a value from anything else found. */
  static open<V>(cache: Cache, root: string, kind: EntryKind, isValue: (stored: unknown) => stored is V): KeptByKey<V> {
    let stored: unknown;
    try {
      stored = cache.read(cache.location(root, kind))?.section<unknown>(VALUES);
    } catch {
      // Damaged: removed on the way, and written again with this run's values.
    }
    return new KeptByKey(cache, root, kind, new Map(stored && typeof stored === 'object' ? Object.entries(stored) : []), isValue);
  }

  get(key: string): V | undefined {
    const stored = this.used.get(key) ?? this.known.get(key);
    if (!this.isValue(stored)) return undefined;
    this.used.set(key, stored);
    return stored;
  }

  set(key: string, value: V): void {
    this.used.set(key, value);
    this.added = true;
  }

  /** Writes the values when any is new: those used this run, and at most `earlier` of the others. */
  save(earlier = 0): void {
    if (!this.added) return;
    const kept = new Map(this.used);
    for (const [key, value] of this.known) {
      if (kept.size >= this.used.size + earlier) break;
      if (!kept.has(key) && this.isValue(value)) kept.set(key, value);
    }
    if (this.cache.write(this.cache.location(this.root, this.kind), {}, { [VALUES]: Object.fromEntries(kept) })) this.cache.tidy(this.root);
  }
}
