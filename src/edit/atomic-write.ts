// Writes that never leave a half-written file: a temporary file in the same folder (so the
// rename stays on one file system), flushed to disk, then renamed over the original.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errorMessage, IoError } from '../errors.js';

/** The file-system calls a write needs; tests replace one to fail mid-write. */
export const fileSystem = { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync, statSync };

export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let mode = 0o644;
  try {
    mode = fileSystem.statSync(path).mode & 0o7777;
  } catch {
    // A new file: the default mode.
  }
  try {
    const fd = fileSystem.openSync(temporary, 'wx', mode);
    try {
      fileSystem.writeSync(fd, text);
      fileSystem.fsyncSync(fd);
    } finally {
      fileSystem.closeSync(fd);
    }
    fileSystem.renameSync(temporary, path);
  } catch (error) {
    fileSystem.rmSync(temporary, { force: true });
    throw new IoError(`cannot write ${path}: ${errorMessage(error)}`, { cause: error });
  }
}
