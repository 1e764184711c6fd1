// Writes that never leave a half-written file: a temporary file in the same folder (so the
// rename stays on one file system), written whole and flushed to disk (caches skip the flush),
// then renamed over the original. Several files are written in two phases — every temporary
// file first, then the renames — so that a failure while writing leaves every file as it was.
// A cache file may also be written over time as its content comes (TemporaryFile).
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { makeFolder } from './make-folder.js';
import { readRegularFile } from './regular-file.js';
import { errorMessage, IoError } from '../errors.js';

/** The file-system calls a write needs; tests replace one to fail mid-write. */
export const fileSystem = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync, statSync, mkdirSync, copyFileSync, truncateSync, readSync };

export interface WriteOptions {
  /**
   * false: not flushed to disk before the rename. For caches only: after a power cut such a
   * file may be empty or cut short, which their readers detect; the user's files are flushed.
   */
  durable?: boolean;
}

/**
 * Text (written as UTF-8), or bytes already encoded, in one piece or several written one after another: a large
 * cache file is written piece by piece as they are made, each written before the next is asked
 * for (so that one buffer can hold each in turn).
 */
export type FileContent = string | Uint8Array | Iterable<Uint8Array>;

/** The most bytes a chunk of a ChunkEncoder holds. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Text encoded into chunks of one buffer, used again for each: each chunk is to be written
 * before the encoder is asked for more. A large file is then never in memory whole, neither as
 * one string nor as bytes: memory touched for the first time is slow to come by. A long text is
 * cut between chunks, never inside a surrogate pair.
 */
export class ChunkEncoder {
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private length = 0;

  constructor(private readonly encoding: 'utf8' | 'latin1' = 'utf8') {}

  /** Encodes the text after what came before: yields each chunk that fills up on the way. */
  *encode(text: string): Generator<Uint8Array> {
    // The most bytes a UTF-16 code unit can take.
    const most = this.encoding === 'latin1' ? 1 : 3;
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + Math.floor((CHUNK_BYTES - this.length) / most));
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      if (end <= start) {
        yield this.chunk.subarray(0, this.length);
        this.length = 0;
        continue;
      }
      this.length += this.chunk.write(start === 0 && end === text.length ? text : text.slice(start, end), this.length, this.encoding);
      start = end;
    }
  }

  /** What is encoded and not yielded yet (empty when nothing is); the encoder starts afresh. */
  rest(): Uint8Array {
    const rest = this.chunk.subarray(0, this.length);
    this.length = 0;
    return rest;
  }
}

/** Texts encoded in chunks of one buffer (ChunkEncoder): each chunk is to be written before the next is asked for (writeFileAtomic does). */
export function* encodedInChunks(texts: Iterable<string>, encoding: 'utf8' | 'latin1' = 'utf8'): Generator<Uint8Array> {
  const encoder = new ChunkEncoder(encoding);
  for (const text of texts) yield* encoder.encode(text);
  const rest = encoder.rest();
  if (rest.length > 0) yield rest;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function writeFileAtomic(path: string, content: FileContent, options: WriteOptions = {}): void {
  writeFilesAtomic([[path, content]], options);
}

export function writeFilesAtomic(writes: ReadonlyArray<readonly [path: string, content: FileContent]>, options: WriteOptions = {}): void {
  const prepared = writeTemporaryFiles(writes.map(([path, content]) => [path, content, temporaryPathOf(path)]), options);
  prepared.forEach((file, at) => {
    try {
      file.replace();
    } catch (error) {
      for (const left of prepared.slice(at + 1)) left.discard();
      throw error;
    }
  });
}

/**
 * Files written all or not at all, even if the process dies midway: the journal, a file of its
 * own, names every temporary file before any is made, and says when all are written; a crash
 * before then leaves the files as they were, after it as they are to be, once
 * recoverJournal() has run (the next command does, under the backlog's lock).
 */
export function writeFilesJournaled(writes: ReadonlyArray<readonly [path: string, content: FileContent]>, journal: string): void {
  const planned = writes.map(([path, content]) => [path, content, temporaryPathOf(path)] as const);
  const entries = planned.map(([path, , temporary]) => ({ path, temporary }));
  writeFileAtomic(journal, JSON.stringify({ state: 'preparing', files: entries }));
  try {
    writeTemporaryFiles(planned, {});
  } catch (error) {
    fileSystem.rmSync(journal, { force: true });
    throw error;
  }
  writeFileAtomic(journal, JSON.stringify({ state: 'committing', files: entries }));
  for (const { path, temporary } of entries) {
    try {
      fileSystem.renameSync(temporary, path);
    } catch (error) {
      // Some files are new already: the rest stay ready, and the next command puts them in place.
      throw new IoError(`cannot write ${path} (${errorMessage(error)}): the files written so far are kept, and the next backlog command writes the rest`, { cause: error });
    }
  }
  fileSystem.rmSync(journal, { force: true });
}

/** Completes or undoes what an interrupted writeFilesJournaled left (nothing when there is no journal). */
export function recoverJournal(journal: string): void {
  let recorded: { state?: unknown; files?: unknown };
  try {
    recorded = JSON.parse(readRegularFile(journal).toString('utf8')) as typeof recorded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    // Cut short while being written: it was still preparing (it is written whole before a rename).
    recorded = {};
  }
  const files = Array.isArray(recorded.files) ? (recorded.files as Array<{ path: string; temporary: string }>) : [];
  for (const { path, temporary } of files) {
    if (typeof path !== 'string' || typeof temporary !== 'string') continue;
    if (recorded.state === 'committing') {
      try {
        fileSystem.renameSync(temporary, path);
      } catch (error) {
        // Renamed already, before the crash.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new IoError(`cannot finish writing ${path}: ${errorMessage(error)}`, { cause: error });
      }
    } else {
      fileSystem.rmSync(temporary, { force: true });
    }
  }
  fileSystem.rmSync(journal, { force: true });
}

/** Every file written under its temporary name, closed; none left when one fails. */
function writeTemporaryFiles(writes: ReadonlyArray<readonly [path: string, content: FileContent, temporary: string]>, options: WriteOptions): TemporaryFile[] {
  const prepared: TemporaryFile[] = [];
  try {
    for (const [path, content, temporary] of writes) {
      const file = new TemporaryFile(path, options, temporary);
      prepared.push(file);
      const pieces = typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
      for (const bytes of pieces) file.write(bytes);
      file.close();
    }
  } catch (error) {
    for (const file of prepared) file.discard();
    throw error;
  }
  return prepared;
}

/** Beside the file (a rename stays on one file system), hidden, named for the process and thread that write it. */
function temporaryPathOf(path: string): string {
  // The thread too: a worker thread writes a cache file while this one may write another.
  return join(dirname(path), `.${basename(path)}.${process.pid}.${threadId}.${Date.now()}.tmp`);
}

/**
 * A file written in pieces, over as long as it takes, that takes the place of its path only
 * once done (replace): until then, or when discarded, what is at the path stays as it was.
 */
export class TemporaryFile {
  readonly temporary: string;
  private fd: number | undefined;

  /** Made at once, beside `path` (so that the rename stays on one file system), with the mode of the file it replaces. */
  constructor(
    readonly path: string,
    private readonly options: WriteOptions = {},
    temporary = temporaryPathOf(path),
  ) {
    this.temporary = temporary;
    let mode = 0o644;
    try {
      mode = fileSystem.statSync(path).mode & 0o7777;
    } catch {
      // A new file: the default mode.
    }
    try {
      makeFolder(dirname(path));
      this.fd = fileSystem.openSync(this.temporary, 'wx', mode);
    } catch (error) {
      throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /**
   * One that starts as the first `length` bytes of the file at `from.path`, copied by the system
   * without being read here; when that file no longer ends with `from.endsWith` (another has
   * taken its place since it was read), an IoError, and nothing is left.
   */
  static startingAs(path: string, options: WriteOptions, from: { path: string; length: number; endsWith: Uint8Array }): TemporaryFile {
    const file = new TemporaryFile(path, options);
    try {
      fileSystem.closeSync(file.fd!);
      file.fd = undefined;
      fileSystem.copyFileSync(from.path, file.temporary);
      const end = fileSystem.statSync(file.temporary).size;
      const tail = Buffer.alloc(from.endsWith.length);
      const fd = fileSystem.openSync(file.temporary, 'r+');
      file.fd = fd;
      if (end < tail.length || fileSystem.readSync(fd, tail, 0, tail.length, end - tail.length) !== tail.length || !tail.equals(from.endsWith)) throw new Error(`${from.path} changed as it was copied`);
      fileSystem.closeSync(fd);
      file.fd = undefined;
      fileSystem.truncateSync(file.temporary, from.length);
      file.fd = fileSystem.openSync(file.temporary, 'a');
      return file;
    } catch (error) {
      file.discard();
      throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /** The next bytes; an IoError (the file then discarded) when they cannot be written. */
  write(bytes: Uint8Array): void {
    try {
      // A write may take fewer bytes than given (a full disk): the rest is written, or it fails.
      for (let done = 0; done < bytes.length; ) {
        const written = fileSystem.writeSync(this.fd!, bytes, done, bytes.length - done);
        if (written <= 0) throw new Error('the disk took no more bytes');
        done += written;
      }
    } catch (error) {
      this.discard();
      throw new IoError(`cannot write ${this.path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /** Flushed to disk (unless not durable) and closed: ready to take the place of its path. */
  close(): void {
    if (this.fd === undefined) return;
    try {
      if (this.options.durable ?? true) fileSystem.fsyncSync(this.fd);
      fileSystem.closeSync(this.fd);
      this.fd = undefined;
    } catch (error) {
      this.discard();
      throw new IoError(`cannot write ${this.path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /** Closes it, and puts it in the place of its path. */
  replace(): void {
    this.close();
    try {
      fileSystem.renameSync(this.temporary, this.path);
    } catch (error) {
      this.discard();
      throw new IoError(`cannot write ${this.path}: ${errorMessage(error)}`, { cause: error });
    }
  }

  /** Closes and removes it; the path keeps what it had. */
  discard(): void {
    if (this.fd !== undefined) {
      try {
        fileSystem.closeSync(this.fd);
      } catch {
        // Removed all the same.
      }
      this.fd = undefined;
    }
    fileSystem.rmSync(this.temporary, { force: true });
  }
}
