// The commit a backlog's files are at, for a report to say what it was built from.
import { simpleGit } from 'simple-git';
import { gitTopLevel } from './top-level.js';

export interface BuiltFrom {
  commit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  /** Files under the backlog root differ from the commit, or are not in it yet. */
  changed: boolean;
}

/** Undefined outside a git repository, before its first commit, or without git. */
export async function builtFrom(root: string): Promise<BuiltFrom | undefined> {
  // Outside a work tree git would only say so: no process is started to hear it.
  if (gitTopLevel(root) === undefined) return undefined;
  try {
    const git = simpleGit({ baseDir: root });
    const [head, status] = await Promise.all([git.raw(['log', '-1', '--format=%H %cs']), git.raw(['status', '--porcelain', '--', '.'])]);
    const [commit, date] = head.trim().split(' ');
    return commit && date ? { commit, date, changed: status.trim() !== '' } : undefined;
  } catch {
    return undefined;
  }
}
