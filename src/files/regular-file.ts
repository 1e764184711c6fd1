// Reading a file that is a file: opening a FIFO for reading waits for a writer, and a device
// can give bytes forever. A path is opened without waiting and read only if it is a regular
// file; anything else is NotARegularFile, which the callers skip or ignore.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

export class NotARegularFile extends Error {
  override readonly name = 'NotARegularFile';
}

/** A descriptor open for reading on a regular file (the caller closes it). Throws as openSync does, or NotARegularFile. */
export function openRegularFile(path: string): number {
  return openWithSize(path).fd;
}

/** A regular file open for reading (the caller closes it), and its size when opened. */
export function openWithSize(path: string): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new NotARegularFile(`${path} is not a regular file`);
  }
  return { fd, size: stats.size };
}

/** A regular file's bytes. Throws as readFileSync does, or NotARegularFile. */
export function readRegularFile(path: string): Buffer {
  const fd = openRegularFile(path);
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
