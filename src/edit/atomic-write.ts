// Writes that never leave a half-written file: a temporary file in the same folder (so the
// rename stays on one file system), written whole and flushed to disk (caches skip the flush),
// then renamed over the original. Several
// files are written in two phases — every temporary file first, then the renames — so that a
// failure while writing leaves every file as it was.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorMessage, IoError } from '../errors.js';

/** The file-system calls a write needs; tests replace one to fail mid-write. */
export const fileSystem = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync, statSync, mkdirSync };

interface PreparedWrite {
  path: string;
  temporary: string;
}

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

/** The most bytes a chunk of encodedInChunks holds. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Texts encoded in chunks of one buffer, used again for each: each chunk is to be written before
 * the next is asked for (writeFileAtomic does). A large file is then never in memory whole,
 * neither as one string nor as bytes: memory touched for the first time is slow to come by.
 * A long text is cut between chunks, never inside a surrogate pair.
 */
export function* encodedInChunks(texts: Iterable<string>, encoding: 'utf8' | 'latin1' = 'utf8'): Generator<Uint8Array> {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  // The most bytes a UTF-16 code unit can take.
  const most = encoding === 'latin1' ? 1 : 3;
  let length = 0;
  for (const text of texts) {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + Math.floor((CHUNK_BYTES - length) / most));
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      if (end <= start) {
        yield chunk.subarray(0, length);
        length = 0;
        continue;
      }
      length += chunk.write(start === 0 && end === text.length ? text : text.slice(start, end), length, encoding);
      start = end;
    }
  }
  if (length > 0) yield chunk.subarray(0, length);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function writeFileAtomic(path: string, content: FileContent, options: WriteOptions = {}): void {
  writeFilesAtomic([[path, content]], options);
}

export function writeFilesAtomic(writes: ReadonlyArray<readonly [path: string, content: FileContent]>, options: WriteOptions = {}): void {
  const prepared: PreparedWrite[] = [];
  try {
    for (const [path, content] of writes) prepared.push(prepare(path, content, options));
  } catch (error) {
    for (const { temporary } of prepared) fileSystem.rmSync(temporary, { force: true });
    throw error;
  }
  for (const { path, temporary } of prepared) {
    try {
      fileSystem.renameSync(temporary, path);
    } catch (error) {
      for (const { temporary: left } of prepared) fileSystem.rmSync(left, { force: true });
      throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
    }
  }
}

function prepare(path: string, content: FileContent, { durable = true }: WriteOptions): PreparedWrite {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let mode = 0o644;
  try {
    mode = fileSystem.statSync(path).mode & 0o7777;
  } catch {
    // A new file: the default mode.
  }
  try {
    fileSystem.mkdirSync(dirname(path), { recursive: true });
    const fd = fileSystem.openSync(temporary, 'wx', mode);
    try {
      const pieces = typeof content === 'string' ? [Buffer.from(content)] : content instanceof Uint8Array ? [content] : content;
      for (const bytes of pieces) {
        // A write may take fewer bytes than given (a full disk): the rest is written, or it fails.
        for (let done = 0; done < bytes.length; ) {
          const written = fileSystem.writeSync(fd, bytes, done, bytes.length - done);
          if (written <= 0) throw new Error('the disk took no more bytes');
          done += written;
        }
      }
      if (durable) fileSystem.fsyncSync(fd);
    } finally {
      fileSystem.closeSync(fd);
    }
  } catch (error) {
    fileSystem.rmSync(temporary, { force: true });
    throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
  }
  return { path, temporary };
}
