// What `fmt` found of files' contents, kept in the cache (cache/cache.ts) by a hash of their
// bytes and the tool's build: canonical already, or changed by formatting. Both depend on the
// content alone, so a verdict never goes stale (a changed file has another key), and a file
// with one is not formatted again unless its new text is wanted.
import { createHash } from 'node:crypto';
import type { Cache } from '../cache/cache.js';

export type FormatVerdict = 'canonical' | 'changes';

/** The section of the verdicts: an object of 1 (canonical) or 0 (changes) by key. */
const VERDICTS = 'verdicts';

/** The most verdicts kept beside those used this run: contents of other branches, or of files edited back. */
const EARLIER_VERDICTS = 20_000;

export class FormatVerdicts {
  private readonly used = new Map<string, 0 | 1>();
  private added = false;

  private constructor(
    private readonly cache: Cache,
    private readonly root: string,
    private readonly known: ReadonlyMap<string, unknown>,
  ) {}

  /** The verdicts kept for a backlog root; none when there are none or the entry is damaged. */
  static open(cache: Cache, root: string): FormatVerdicts {
    let stored: unknown;
    try {
      stored = cache.read(cache.location(root, 'format'))?.section<unknown>(VERDICTS);
    } catch {
      // Damaged: removed on the way, and written again with this run's verdicts.
    }
    return new FormatVerdicts(cache, root, new Map(stored && typeof stored === 'object' ? Object.entries(stored) : []));
  }

  key(bytes: Uint8Array): string {
    return createHash('sha1').update(`${this.cache.version}\0`).update(bytes).digest('hex');
  }

  get(key: string): FormatVerdict | undefined {
    const stored = this.used.get(key) ?? this.known.get(key);
    if (stored !== 0 && stored !== 1) return undefined;
    this.used.set(key, stored);
    return stored === 1 ? 'canonical' : 'changes';
  }

  set(key: string, verdict: FormatVerdict): void {
    this.used.set(key, verdict === 'canonical' ? 1 : 0);
    this.added = true;
  }

  /** Writes the verdicts when any is new: those used this run, and as many earlier ones as fit. */
  save(): void {
    if (!this.added) return;
    const kept = new Map(this.used);
    for (const [key, verdict] of this.known) {
      if (kept.size >= this.used.size + EARLIER_VERDICTS) break;
      if (!kept.has(key) && (verdict === 0 || verdict === 1)) kept.set(key, verdict);
    }
    this.cache.write(this.cache.location(this.root, 'format'), {}, { [VERDICTS]: Object.fromEntries(kept) });
    this.cache.tidy(this.root);
  }
}
