// One writer at a time per backlog: every command that writes holds the backlog's lock from
// before it reads the files until its files are written, so a second writer reads what the
// first wrote instead of writing over it. The lock is a file made with O_EXCL beside the
// caches; a holder that died (its process gone, or the lock older than any write takes) is
// taken over. Taking the lock first finishes or undoes a write a crash interrupted.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { errorMessage, IoError } from '../errors.js';
import { makeFolder } from '../files/make-folder.js';
import { dirname } from 'node:path';
import { recoverJournal } from '../files/atomic-write.js';
import { lockLocations } from './journal-location.js';

export interface BacklogLock {
  /** Where a write records what it is doing (writeFilesJournaled). */
  journal: string;
}

export interface LockOptions {
  /** The folder of the lock and the journal (journal-location.ts). */
  folder: string;
  /** How long to wait for another writer before giving up. */
  waitMs?: number;
}

/** No write of a backlog takes this long: a lock older than it was left by a process that is gone. */
const STALE_AFTER_MS = 10 * 60 * 1000;
const POLL_MS = 50;

interface Holder {
  pid: number;
  host: string;
  at: number;
}

export async function withBacklogLock<T>(root: string, options: LockOptions, action: (lock: BacklogLock) => Promise<T>): Promise<T> {
  const { lockFile, journal } = lockLocations(root, options.folder);
  await acquire(lockFile, options.waitMs ?? 60_000);
  try {
    recoverJournal(journal);
    return await action({ journal });
  } finally {
    release(lockFile);
  }
}

async function acquire(lockFile: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  try {
    makeFolder(dirname(lockFile));
  } catch (error) {
    throw new IoError(`cannot make the folder of the backlog's lock (${dirname(lockFile)}): ${errorMessage(error)}`, { cause: error });
  }
  for (;;) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new IoError(`cannot lock the backlog (${lockFile}): ${errorMessage(error)}`, { cause: error });
      const holder = holderOf(lockFile);
      if (holder.stale) takeOver(lockFile, holder.inode);
      else if (Date.now() >= deadline) {
        throw new IoError(`another backlog command${holder.pid ? ` (process ${holder.pid})` : ''} is writing this backlog: nothing was written; run this one again when it is done`);
      } else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() } satisfies Holder));
    } finally {
      closeSync(fd);
    }
    return;
  }
}

/** A lock that is still unwritten this long after it was made was left by a process that died making it. */
const UNWRITTEN_STALE_MS = 10_000;

/** Who holds the lock, and whether they are gone. */
function holderOf(lockFile: string): { pid?: number; stale: boolean; inode?: number } {
  let text: string;
  let inode: number;
  let madeAt: number;
  try {
    ({ ino: inode, mtimeMs: madeAt } = statSync(lockFile));
    text = readFileSync(lockFile, 'utf8');
  } catch {
    return { stale: false }; // Released meanwhile: try again.
  }
  let holder: Partial<Holder>;
  try {
    holder = JSON.parse(text) as Partial<Holder>;
  } catch {
    // Being written just now, or never will be.
    return { stale: Date.now() - madeAt > UNWRITTEN_STALE_MS, inode };
  }
  const old = typeof holder.at === 'number' && Date.now() - holder.at > STALE_AFTER_MS;
  const gone = holder.host === hostname() && typeof holder.pid === 'number' && !isAlive(holder.pid);
  return { ...(typeof holder.pid === 'number' ? { pid: holder.pid } : {}), stale: old || gone, inode };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user, alive.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Removes a stale lock, if it is still the one judged stale (not a new holder's). */
function takeOver(lockFile: string, inode: number | undefined): void {
  try {
    if (statSync(lockFile).ino === inode) rmSync(lockFile, { force: true });
  } catch {
    // Gone already.
  }
}

function release(lockFile: string): void {
  try {
    const holder = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<Holder>;
    if (holder.pid === process.pid) rmSync(lockFile, { force: true });
  } catch {
    // Gone already, or taken over after going stale: not ours to remove.
  }
}
