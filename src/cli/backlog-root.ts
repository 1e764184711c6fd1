// The root a command works on. Its own module: every command needs it, and it loads nothing else.
import { resolveRoot } from '../load/find-root.js';
import { stateFolder } from './caching.js';
import type { CliIO } from './io.js';

/**
 * The backlog root given or found, with any write a crash interrupted there finished or undone
 * first (edit/backlog-lock.ts): no command reads a backlog half written.
 */
export async function backlogRoot(io: CliIO, rootOption: string | undefined): Promise<string> {
  const root = resolveRoot(io.cwd, rootOption);
  const { interruptedWriteAt } = await import('../edit/journal-location.js');
  if (interruptedWriteAt(root, stateFolder(io))) {
    const { withBacklogLock } = await import('../edit/backlog-lock.js');
    await withBacklogLock(root, { folder: stateFolder(io) }, async () => undefined);
  }
  return root;
}
