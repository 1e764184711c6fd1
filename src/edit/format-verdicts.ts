// What `fmt` found of files' contents, kept in the cache (cache/cache.ts) by a hash of their
// bytes and the tool's build: canonical already, or changed by formatting. Both depend on the
// content alone, so a verdict never goes stale (a changed file has another key), and a file
// with one is not formatted again unless its new text is wanted.
import { createHash } from 'node:crypto';
import type { Cache } from '../cache/cache.js';
import { KeptByKey } from '../cache/kept-by-key.js';

export type FormatVerdict = 'canonical' | 'changes';

/** The most verdicts kept beside those used this run: contents of other branches, or of files edited back. */
const EARLIER_VERDICTS = 20_000;

/** Stored as 1 (canonical) or 0 (changes). */
const isStoredVerdict = (stored: unknown): stored is 0 | 1 => stored === 0 || stored === 1;

export class FormatVerdicts {
  private constructor(
    private readonly version: string,
    private readonly kept: KeptByKey<0 | 1>,
  ) {}

  /** The verdicts kept for a backlog root; none when there are none or the entry is damaged. */
  static open(cache: Cache, root: string): FormatVerdicts {
    return new FormatVerdicts(cache.version, KeptByKey.open(cache, root, 'format', isStoredVerdict));
  }

  key(bytes: Uint8Array): string {
    return createHash('sha1').update(`${this.version}\0`).update(bytes).digest('hex');
  }

  get(key: string): FormatVerdict | undefined {
    const stored = this.kept.get(key);
    return stored === undefined ? undefined : stored === 1 ? 'canonical' : 'changes';
  }

  set(key: string, verdict: FormatVerdict): void {
    this.kept.set(key, verdict === 'canonical' ? 1 : 0);
  }

  /** Writes the verdicts when any is new: those used this run, and as many earlier ones as fit. */
  save(): void {
    this.kept.save(EARLIER_VERDICTS);
  }
}
