import { closeSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorMessage, IoError } from '../errors.js';
import { isBacklogFile, isSkippedFolder } from './file-filter.js';
import { NotARegularFile, openWithSize, readRegularFile } from '../files/regular-file.js';
import type { FileStamp } from './snapshot.js';
import type { BacklogSource, RoomFor } from './source.js';

export interface FsSource extends BacklogSource {
  /** The root with symbolic links resolved. */
  readonly realRoot: string;
  /** The size, times and inode of a file (snapshot.ts), or undefined when it is gone. */
  stamp(path: string): FileStamp | undefined;
}

/** The backlog files under a folder. Symbolic links are followed only while they stay inside it. */
export function fsSource(root: string): FsSource {
  const realRoot = realpathSync(root);
  const notices: string[] = [];
  return {
    description: root,
    realRoot,
    notices,
    async listFiles() {
      notices.length = 0;
      const files: string[] = [];
      walk(realRoot, '', new Set([realRoot]), files, notices);
      // The default order: by UTF-16 code units, the same on every machine (not by locale).
      return files.sort();
    },
    async readFile(path, room) {
      try {
        return room ? readInto(join(realRoot, path), room) : readRegularFile(join(realRoot, path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        // Listed as a file, something else now: skipped as the listing skips it.
        if (error instanceof NotARegularFile) {
          notices.push(`skipped ${path}: not a regular file`);
          return undefined;
        }
        throw new IoError(`cannot read ${path}: ${errorMessage(error)}`, { cause: error });
      }
    },
    stamp(path) {
      let stats;
      try {
        stats = statSync(join(realRoot, path), { throwIfNoEntry: false });
      } catch {
        // Not allowed to look: no stamp, and the caller reads the file (and says why it cannot).
        return undefined;
      }
      if (!stats) return undefined;
      return { key: `${stats.size}/${stats.mtimeMs}/${stats.ctimeMs}/${stats.ino}/${stats.dev}`, changedAt: Math.max(stats.mtimeMs, stats.ctimeMs) };
    },
  };

  function walk(dir: string, prefix: string, visited: Set<string>, files: string[], notes: string[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      throw new IoError(`cannot list ${prefix || '.'}: ${errorMessage(error)}`, { cause: error });
    }
    // A repository of its own (a git submodule) is not part of this one's backlog: git's own
    // commits hold only its commit id, and both sides of a review must read the same files.
    if (prefix !== '' && entries.some((entry) => entry.name === '.git')) {
      notes.push(`skipped ${prefix.slice(0, -1)}: a git repository of its own (a submodule)`);
      return;
    }
    for (const entry of entries) {
      const path = prefix + entry.name;
      // The common case, made nothing more of: a backlog is thousands of plain files.
      if (entry.isFile()) {
        files.push(path);
        continue;
      }
      // A FIFO, a socket or a device is never read (reading one could wait forever).
      if (!entry.isDirectory() && !entry.isSymbolicLink()) {
        if (isBacklogFile(path)) notes.push(`skipped ${path}: not a regular file`);
        continue;
      }
      let full = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const target = realTarget(full);
        if (target === undefined) {
          notes.push(`skipped ${path}: a broken symbolic link`);
          continue;
        }
        if (!isInside(realRoot, target)) {
          notes.push(`skipped ${path}: a symbolic link to outside the backlog root`);
          continue;
        }
        full = target;
        const stats = statSync(target);
        isDirectory = stats.isDirectory();
        if (!isDirectory && !stats.isFile()) {
          if (isBacklogFile(path)) notes.push(`skipped ${path}: a link to what is not a regular file`);
          continue;
        }
      }
      if (isDirectory) {
        // A link back up the tree would walk forever.
        if (isSkippedFolder(entry.name) || visited.has(full)) continue;
        walk(full, `${path}/`, new Set([...visited, full]), files, notes);
      } else {
        files.push(path);
      }
    }
  }
}

/**
 * Where a file up to its size is read before it is copied into its room. Memory the kernel
 * writes into first costs a page fault there and another when this process first reads it
 * (about 5 µs a file here); a copy from memory already in use costs the one fault only.
 */
const staging = new Uint8Array(256 * 1024);

/**
 * A file's bytes read into the room offered for its size (what readFileSync reads: as many
 * bytes as the file had when opened), or into a buffer of their own when none is offered.
 */
function readInto(path: string, room: RoomFor): Uint8Array {
  const { fd, size } = openWithSize(path);
  try {
    // What readFileSync does: a file of size 0 may tell no size (it then reads to the end).
    const into = size > 0 ? room(size) : undefined;
    if (!into) return readFileSync(fd);
    const target = size <= staging.length ? staging : into;
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, target, filled, size - filled, null);
      // Shorter than it was: cut off since it was measured.
      if (read === 0) break;
      filled += read;
    }
    if (target !== into) into.set(target.subarray(0, filled));
    return into.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

function realTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
}
