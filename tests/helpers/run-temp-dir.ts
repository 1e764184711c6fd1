// The tests write tens of thousands of throwaway files, and Chromium and the parse workers leave
// folders of their own: all of them go into one folder for the run, removed when the run ends.
// It is in memory (tmpfs) where the machine has one: file writes on a disk cost the run seconds.
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'backlog-tests-';
/** The TMPDIR the run was started with: what a test keeps for a person to look at goes there. */
const OUTER = 'BACKLOG_TESTS_OUTER_TMPDIR';

/** Points TMPDIR, which the test workers and their processes inherit, at the run's folder. */
export function useRunTempDir(): void {
  // The config may be read more than once in a run: one folder serves it.
  if (process.env.TMPDIR?.includes(PREFIX)) return;
  const dir = mkdtempSync(join(inMemory() ?? tmpdir(), PREFIX));
  process.env[OUTER] = tmpdir();
  process.env.TMPDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}

/** A folder that outlives the run (screenshots, say), in the TMPDIR the run was started with. */
export function keptFolder(prefix: string): string {
  return mkdtempSync(join(process.env[OUTER] ?? tmpdir(), prefix));
}

function inMemory(): string | undefined {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return statSync('/dev/shm').isDirectory() ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}
