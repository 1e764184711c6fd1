// The parse cache: what reading and checking a file gives, keyed by a hash of its bytes, the
// tool's version and this format — so an entry can never be stale: a changed file, or a new
// version of the tool, has another key. One pack per backlog root under the user's cache
// folder, holding the entries of the files it had last time; a pack that cannot be read, or
// whose hash does not match, is ignored, and one that cannot be written is skipped (the cache
// only ever saves time).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ChunkEncoder, TemporaryFile } from '../files/atomic-write.js';
import type { FileCheck } from './check/check-file.js';
import { decodeCheck, encodeCheck, type StoredCheck } from './cache-codec.js';
import { ROOT_FILE } from './find-root.js';
import { withTextOf } from './file-text.js';
import { readRegularFile } from '../files/regular-file.js';
import { makeFolder } from '../files/make-folder.js';
import type { FileProblem, ParserName, SourceFile } from './types.js';

/** Bump when what an entry holds changes shape. */
const CACHE_FORMAT = 5;

/** A file as the cache stores it (and a worker thread sends it back). */
export interface CacheEntry {
  parser: ParserName;
  problems: FileProblem[];
  unreadable: boolean;
  check: StoredCheck;
}

/** Where a pack goes, and for which version of the tool: what a worker thread needs to write one. */
export interface PackTarget {
  file: string;
  version: string;
}

export class ParseCache {
  private readonly used = new Map<string, CacheEntry>();
  private dirty = false;
  /** Settles when a worker thread has written the pack of a load (or given up): see writtenBy. */
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly pack: string,
    private readonly version: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  /** The cache of a backlog root, from its pack when there is a usable one. */
  static open(root: string, version: string, env: Readonly<Record<string, string | undefined>>): ParseCache {
    const pack = cacheFileOf(root, env, '.json');
    return new ParseCache(pack, version, readPack(pack, version));
  }

  /** How many entries the pack held when opened: none on a first run. */
  get size(): number {
    return this.entries.size;
  }

  key(path: string, bytes: Uint8Array): string {
    return entryKey(this.version, path, bytes);
  }

  /**
   * Where a worker thread may write the pack itself, for a load with nothing cached that is
   * the first to use this cache: its pack is then the files of that load, which is what this
   * thread would write (undefined otherwise: this thread saves).
   */
  packTarget(): PackTarget | undefined {
    return this.entries.size === 0 && this.used.size === 0 && !this.writing ? { file: this.pack, version: this.version } : undefined;
  }

  /** A worker thread writes the pack of the load just done (packTarget): `written` settles when it is on disk, or given up. */
  writtenBy(written: Promise<void>): void {
    this.writing = written;
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
    if (this.writing) {
      // A worker is writing the files of the first load; this pack must hold them too.
      await this.writing;
      for (const [key, entry] of readPack(this.pack, this.version)) if (!this.used.has(key)) this.used.set(key, entry);
    }
    const kept = keep === 'all' ? withEarlier(this.used, this.entries) : this.used;
    writePack({ file: this.pack, version: this.version }, Array.from(kept, ([key, entry]) => [key, JSON.stringify(entry)] as const));
  }
}

/** The key of a file's entry: a hash of its bytes, the tool's version and this format. */
export function entryKey(version: string, path: string, bytes: Uint8Array): string {
  // The root file is checked differently (only it may hold `project`): part of the key.
  return createHash('sha1').update(`${version}\0${CACHE_FORMAT}\0${path === ROOT_FILE}\0`).update(bytes).digest('hex');
}

/**
 * Writes a pack of these entries, each by key as JSON text, or nothing on a read-only or full
 * disk: the next run parses again.
 */
export function writePack(target: PackTarget, entries: Iterable<readonly [key: string, json: string]>): void {
  const pack = PackWriter.open(target);
  if (!pack) return;
  for (const [key, json] of entries) pack.add(key, json);
  pack.finish();
}

/**
 * A pack written as its entries come (a worker thread adds each file's as it reads it): encoded
 * into one buffer used again, written to a temporary file and hashed on the way, the hash last.
 * Nothing of it stays in memory, where the text of every entry (27 MB at L) would be for the
 * garbage collector to copy, twice. Once finished it takes the place of the pack; a pack that
 * cannot be written is left out (the cache only ever saves time).
 */
export class PackWriter {
  private readonly hash = createHash('sha1');
  private readonly encoder = new ChunkEncoder();
  /** The keys added: the same content has the same entry, kept once. */
  private readonly keys = new Set<string>();
  /** Undefined once the file could not be written: nothing more is done. */
  private file: TemporaryFile | undefined;

  private constructor(file: TemporaryFile, version: string) {
    this.file = file;
    // What JSON.stringify({ format, version, entries }) writes (keys are hex: nothing to escape).
    this.write(`{"format":${CACHE_FORMAT},"version":${JSON.stringify(version)},"entries":{`);
  }

  /** A pack to write to `target`; undefined when its file cannot be made. */
  static open(target: PackTarget): PackWriter | undefined {
    try {
      makeFolder(join(target.file, '..'));
      sweepTemporaries(join(target.file, '..'));
      return new PackWriter(new TemporaryFile(target.file, { durable: false }), target.version);
    } catch {
      return undefined;
    }
  }

  /** The entry of a file by its key (entryKey), unless the pack has one of that key. */
  add(key: string, json: string): void {
    if (this.keys.has(key)) return;
    this.write(`${this.keys.size === 0 ? '' : ','}"${key}":`);
    this.write(json);
    this.keys.add(key);
  }

  /** Ends the pack and puts it in place of the one there was. */
  finish(): void {
    this.write('}}');
    this.output(this.encoder.rest());
    try {
      // The last line is the hash of everything before it (as written: UTF-8).
      this.file?.write(Buffer.from(`\n${this.hash.digest('hex')}`, 'latin1'));
      this.file?.replace();
    } catch {
      // Discarded already: the pack stays as it was.
    }
    this.file = undefined;
  }

  private write(text: string): void {
    for (const chunk of this.encoder.encode(text)) this.output(chunk);
  }

  private output(bytes: Uint8Array): void {
    if (!this.file || bytes.length === 0) return;
    this.hash.update(bytes);
    try {
      this.file.write(bytes);
    } catch {
      // Discarded by the failed write: the rest is not written either.
      this.file = undefined;
    }
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

/** An hour: longer than any write takes, so a temporary file this old was left by a killed run. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Removes the temporary files of cache writes that never finished (atomic-write.ts names them). */
function sweepTemporaries(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!/^\..+\.\d+\.\d+\.tmp$/.test(name)) continue;
    try {
      if (Date.now() - statSync(join(dir, name)).mtimeMs > STALE_TEMPORARY_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/** Where a backlog root keeps one of its cache files: under the user's cache folder, by a hash of the root. */
export function cacheFileOf(root: string, env: Readonly<Record<string, string | undefined>>, extension: string): string {
  // The XDG specification: a relative path is invalid and to be ignored.
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'migration-backlog', `${createHash('sha1').update(root).digest('hex').slice(0, 16)}${extension}`);
}

/**
 * The pack's entries; none when it is damaged. Its last line is the hash of the rest: an
 * entry changed by a bad disk or a cut-short write would otherwise be trusted, every run.
 */
function readPack(pack: string, version: string): Map<string, CacheEntry> {
  if (!existsSync(pack)) return new Map();
  try {
    // Hashed as bytes, as read: hashing the decoded text would encode 50 MB again.
    const bytes = readRegularFile(pack);
    const newline = bytes.lastIndexOf(0x0a);
    if (newline === -1) return new Map();
    const body = bytes.subarray(0, newline);
    if (bytes.toString('latin1', newline + 1) !== sha1(body)) return new Map();
    const data = JSON.parse(body.toString('utf8')) as { format: number; version: string; entries: Record<string, CacheEntry> };
    if (data.format !== CACHE_FORMAT || data.version !== version || typeof data.entries !== 'object') return new Map();
    return new Map(Object.entries(data.entries));
  } catch {
    return new Map();
  }
}

function sha1(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
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
