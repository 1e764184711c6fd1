// The cache: one folder of cache files (cache-file.ts) under the user's cache folder, each
// named by the backlog root it serves (a hash of its path), its kind, and a content key: the
// parse results of a root's files, the snapshot of its model and what was worked out from it
// (by the snapshot's hash), the reviewed sides of its commits (by git tree), and which of its
// files' texts `fmt` found canonical. Every file's header carries this format and the tool's version and
// build: another build never reads an entry. Each root keeps its most recently used keyed entries.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolder } from '../files/make-folder.js';
import { CacheFileWriter, readCacheFile, writeCacheFile, type CacheFile } from './cache-file.js';

/** Bump when what a cache file holds changes shape. */
const CACHE_FORMAT = 7;

/** What every entry's header holds, checked before anything else of it is read. */
export interface EntryHeader {
  cache: number;
  version: string;
}

export type EntryKind = 'parse' | 'snapshot' | 'kept' | 'review' | 'format' | 'blob-ids';

/**
 * The keyed entries a root keeps (values kept beside its snapshot, the sides of its reviews): the
 * most recently used. Its one entry of each other kind (its parse results, its snapshot) is
 * replaced in place and never removed: a run of queries must not cost the next load every file.
 */
const KEYED_PER_ROOT = 12;

/** An hour: longer than any write takes, so a temporary file this old was left by a killed run. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export class Cache {
  /**
   * `folder`: where the entries live; `version`: the tool's version and build, so that an entry
   * written by another build is never read.
   */
  constructor(
    readonly folder: string,
    readonly version: string,
  ) {}

  /** Where an entry of a root lives: its kind and, for kinds with many entries per root, a content key. */
  location(root: string, kind: EntryKind, key?: string): string {
    return join(this.folder, `${rootHash(root)}.${kind}${key === undefined ? '' : `.${key}`}.cache`);
  }

  /** The header every entry is written with. */
  header<H extends object>(fields: H): H & EntryHeader {
    return { ...fields, cache: CACHE_FORMAT, version: this.version };
  }

  /** An entry of this format and version, marked as used now; undefined when there is none or it is damaged. */
  read<H>(location: string): CacheFile<H & EntryHeader> | undefined {
    const file = readCacheFile<H & EntryHeader>(location);
    if (!file || file.header.cache !== CACHE_FORMAT || file.header.version !== this.version) return undefined;
    touch(location);
    return file;
  }

  write(location: string, header: object, sections: Record<string, unknown>): boolean {
    if (!this.ready()) return false;
    return writeCacheFile(location, this.header(header), sections);
  }

  /** A writer for an entry written as it comes (finish it with `header(...)`). */
  writer(location: string): CacheFileWriter | undefined {
    return this.ready() ? CacheFileWriter.open(location) : undefined;
  }

  /** Removes the entries of a root of this kind whose key `unwanted` says. */
  remove(root: string, kind: EntryKind, unwanted: (key: string) => boolean): void {
    const prefix = `${rootHash(root)}.${kind}.`;
    try {
      for (const name of readdirSync(this.folder)) {
        if (name.startsWith(prefix) && name.endsWith('.cache') && unwanted(name.slice(prefix.length, -'.cache'.length))) rmSync(join(this.folder, name), { force: true });
      }
    } catch {
      // A folder that cannot be read: it only ever saves room.
    }
  }

  /** Removes all but the most recently used keyed entries of a root, and temporary files a killed run left. */
  tidy(root: string): void {
    try {
      const prefix = `${rootHash(root)}.`;
      const names = readdirSync(this.folder);
      const entries = names
        .filter((name) => name.startsWith(prefix) && name.endsWith('.cache') && isKeyed(name))
        .map((name) => ({ path: join(this.folder, name), used: statSync(join(this.folder, name)).mtimeMs }))
        .sort((a, b) => b.used - a.used);
      for (const { path } of entries.slice(KEYED_PER_ROOT)) rmSync(path, { force: true });
      for (const name of names) {
        if (/^\..+\.\d+\.\d+\.tmp$/.test(name) && Date.now() - statSync(join(this.folder, name)).mtimeMs > STALE_TEMPORARY_MS) rmSync(join(this.folder, name), { force: true });
      }
    } catch {
      // Another run tidying at the same time, or a folder that cannot be read: it only ever saves room.
    }
  }

  private ready(): boolean {
    try {
      makeFolder(this.folder);
      return true;
    } catch {
      return false;
    }
  }
}

/** Whether an entry's name has a content key after its kind (`<root>.<kind>.<key>.cache`). */
function isKeyed(name: string): boolean {
  return name.split('.').length > 3;
}

/** A root's entries are named by a hash of its path. */
export function rootHash(root: string): string {
  return createHash('sha1').update(root).digest('hex').slice(0, 16);
}

/** Marks an entry as used now, so that tidy keeps it. */
function touch(location: string): void {
  try {
    const now = new Date();
    utimesSync(location, now, now);
  } catch {
    // Read-only: it may be removed sooner, nothing more.
  }
}
