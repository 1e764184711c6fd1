// Where a write of a backlog file lands: through a symbolic link, on the file it points at (the
// link stays a link, and the file it points at gets the change); and whether the user made the
// file read-only, which a rename would otherwise replace all the same.
import { lstatSync, realpathSync, statSync } from 'node:fs';

/** The path a write replaces: the file itself, or the one a link points at. */
export function writeTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path; // A new file: written where asked.
  }
}

/** Whether the file exists and its mode lets no one write it (chmod 444). */
export function isReadOnly(path: string): boolean {
  try {
    return (statSync(path).mode & 0o222) === 0;
  } catch {
    return false;
  }
}
