// What reading and checking a file gives, kept in the cache (cache/cache.ts) keyed by the
// file's git blob id: an entry can never be stale, a changed file simply has another key. A
// backlog root keeps one entry of the parse results of its files, read whole by a warm load and
// written again when anything was new. A worker thread may write it as it reads (PackWriter).
import { blobId } from './content-id.js';
import type { Cache } from '../cache/cache.js';
import type { CacheFileWriter } from '../cache/cache-file.js';
import type { FileCheck } from './check/check-file.js';
import { decodeCheck, encodeCheck, type StoredCheck } from './cache-codec.js';
import { ROOT_FILE } from './find-root.js';
import { withTextOf } from './file-text.js';
import type { FileProblem, ParserName, SourceFile } from './types.js';
import type { CollectionName } from '../../schemas/vocabulary.js';

/** A file as the cache stores it (and a worker thread sends it back). */
export interface CacheEntry {
  parser: ParserName;
  problems: FileProblem[];
  unreadable: boolean;
  check: StoredCheck;
}

/** The section of the parse results: a JSON object of the entries by key. */
const ENTRIES = 'entries';

/** Where the parse results of a root go, with the header to write them with: what a worker thread needs to write them. */
export interface PackTarget {
  location: string;
  header: object;
}

export class ParseCache {
  private readonly used = new Map<string, CacheEntry>();
  private dirty = false;
  /** Settles when a worker thread has written the pack of a load (or given up): see writtenBy. */
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly cache: Cache,
    private readonly root: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** The parse results of a backlog root, from the cache when it has them. */
  static open(cache: Cache, root: string): ParseCache {
    return new ParseCache(cache, root, readEntries(cache, cache.location(root, 'parse')));
  }

  /** How many entries the cache held when opened: none on a first run. */
  get size(): number {
    return this.entries.size;
  }

  key(path: string, bytes: Uint8Array): string {
    return entryKey(path, bytes);
  }

  /**
   * Where a worker thread may write the pack itself, for a load with nothing cached that is
   * the first to use this cache: its pack is then the files of that load, which is what this
   * thread would write (undefined otherwise: this thread saves).
   */
  packTarget(): PackTarget | undefined {
    if (this.entries.size > 0 || this.used.size > 0 || this.writing) return undefined;
    return { location: this.cache.location(this.root, 'parse'), header: this.cache.header({}) };
  }

  /** A worker thread writes the pack of the load just done (packTarget): `written` settles when it is on disk, or given up. */
  writtenBy(written: Promise<void>): void {
    this.writing = written;
  }

  /** Whether the cache holds the check of a file of this git blob id. */
  hasBlob(path: string, blob: string): boolean {
    const key = entryKeyOfBlob(path, blob);
    return this.entries.has(key) || this.used.has(key);
  }

  /**
   * The check of a file of this git blob id, under its path, with the entities of `collections`
   * only; undefined on a miss. Its text is not at hand: for what the entities alone answer.
   */
  checkOfBlob(path: string, blob: string, collections: ReadonlySet<CollectionName>): FileCheck | undefined {
    const key = entryKeyOfBlob(path, blob);
    const entry = this.used.get(key) ?? this.entries.get(key);
    if (!entry) return undefined;
    try {
      const check = decodeCheck(entry.check, path, collections);
      this.used.set(key, entry);
      return check;
    } catch {
      // An entry of another shape: a miss, as in get().
      this.entries.delete(key);
      return undefined;
    }
  }

  /** The file as it was read before, under its path now; undefined on a miss (the text is decoded only on a hit). */
  get(key: string, path: string, bytes: Uint8Array): SourceFile | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    let file: SourceFile;
    try {
      file = fileOfEntry(entry, path, bytes);
    } catch {
      // An entry of another shape (the hash guards against damage, not against a hand edit): a miss.
      this.entries.delete(key);
      return undefined;
    }
    this.used.set(key, entry);
    return file;
  }

  /** Keeps a file read now; `entry` when it is at hand already as the cache stores it. */
  set(key: string, file: SourceFile, entry: CacheEntry = entryOfFile(file)): void {
    this.used.set(key, entry);
    this.dirty = true;
  }

  /**
   * Writes the pack, once loading is done, when anything was new or went out of use. `keep`:
   * `used` keeps only the entries used this time (a load of the whole backlog, which is what
   * the next run will read); `all` keeps the earlier ones too (a load of commits, which says
   * nothing of what the working tree still needs).
   */
  async save(keep: 'used' | 'all' = 'used'): Promise<void> {
    if (!this.dirty && (keep === 'all' || this.used.size === this.entries.size)) return;
    const location = this.cache.location(this.root, 'parse');
    if (this.writing) {
      // A worker is writing the files of the first load; this pack must hold them too.
      await this.writing;
      for (const [key, entry] of readEntries(this.cache, location)) if (!this.used.has(key)) this.used.set(key, entry);
    }
    const kept = keep === 'all' ? withEarlier(this.used, this.entries) : this.used;
    const pack = PackWriter.open(this.cache.writer(location));
    if (!pack) return;
    for (const [key, entry] of kept) pack.add(key, JSON.stringify(entry));
    pack.finish(this.cache.header({}));
    this.cache.tidy(this.root);
  }
}

/** The key of a file's entry, from its bytes. */
export function entryKey(path: string, bytes: Uint8Array): string {
  return entryKeyOfBlob(path, blobId(bytes));
}

/**
 * The key of a file's entry: its git blob id, so that a file of a commit is found without
 * reading it (the root file is checked apart: only it may hold `project`). The tool's version
 * is the pack's (cache/cache.ts reads a pack of this version only).
 */
function entryKeyOfBlob(path: string, blob: string): string {
  return path === ROOT_FILE ? `root:${blob}` : blob;
}

/**
 * The parse results written as their entries come (a worker thread adds each file's as it
 * reads it), as one section: none of it stays in memory, where the text of every entry would
 * be for the garbage collector to copy.
 */
export class PackWriter {
  /** The keys added: the same content has the same entry, kept once. */
  private readonly keys = new Set<string>();

  private constructor(private readonly writer: CacheFileWriter) {
    writer.startSection(ENTRIES);
    writer.write('{');
  }

  static open(writer: CacheFileWriter | undefined): PackWriter | undefined {
    return writer && new PackWriter(writer);
  }

  /** The entry of a file by its key (entryKey), as JSON, unless the pack has one of that key. */
  add(key: string, json: string): void {
    if (this.keys.has(key)) return;
    this.writer.write(`${this.keys.size === 0 ? '' : ','}"${key}":`);
    this.writer.write(json);
    this.keys.add(key);
  }

  /** Ends the pack and puts it in place of the one there was. */
  finish(header: object): void {
    this.writer.write('}');
    this.writer.endSection();
    this.writer.finish(header);
  }
}

/** The most entries a pack keeps beside those just used: twice the 10,000 files of an estate of 50,000 servers. */
const EARLIER_ENTRIES = 20_000;

/** The entries used, and as many earlier ones as fit (the pack of a root read only through git would grow without end). */
function withEarlier(used: ReadonlyMap<string, CacheEntry>, earlier: ReadonlyMap<string, CacheEntry>): Map<string, CacheEntry> {
  const kept = new Map(used);
  for (const [key, entry] of earlier) {
    if (kept.size >= used.size + EARLIER_ENTRIES) break;
    if (!kept.has(key)) kept.set(key, entry);
  }
  return kept;
}

/** The entries of the pack; none when there is none, or it is damaged. */
function readEntries(cache: Cache, location: string): Map<string, CacheEntry> {
  try {
    const entries = cache.read(location)?.section<Record<string, CacheEntry>>(ENTRIES);
    return entries && typeof entries === 'object' ? new Map(Object.entries(entries)) : new Map();
  } catch {
    // Damaged: removed on the way, and written again once the files are read.
    return new Map();
  }
}

export function entryOfFile(file: SourceFile): CacheEntry {
  return { parser: file.parser, problems: file.problems, unreadable: file.unreadable, check: encodeCheck(file.check, file.finiteNumbers) };
}

/**
 * The file of an entry, under the path it has now. Its text is decoded from `bytes` when first
 * asked for: only a file with a finding to show needs it.
 */
export function fileOfEntry(entry: CacheEntry, path: string, bytes: Uint8Array): SourceFile {
  return withTextOf({ path, problems: entry.problems, parser: entry.parser, unreadable: entry.unreadable, check: decodeCheck(entry.check, path) }, bytes);
}

/** A file's check with every place in it moved to another path (the same content elsewhere). */
export function relocate(check: FileCheck, path: string): FileCheck {
  return decodeCheck(encodeCheck(check), path);
}
