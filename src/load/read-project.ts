import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project } from '../../schemas/project.js';
import { ROOT_FILE } from './find-root.js';
import { readSourceFile } from './read-source-file.js';

/**
 * The `project` settings of a backlog, read from its root file alone (for commands that need
 * the settings but not the backlog). Settings with errors are left out: `validate` reports them.
 */
export function readProjectSettings(root: string): Project | undefined {
  const path = join(root, ROOT_FILE);
  if (!existsSync(path)) return undefined;
  const file = readSourceFile(ROOT_FILE, readFileSync(path));
  for (const doc of file.documents) {
    const settings = doc.usable ? (doc.value as { project?: unknown } | null)?.project : undefined;
    if (settings === undefined) continue;
    const parsed = Project.safeParse(settings);
    return parsed.success ? parsed.data : undefined;
  }
  return undefined;
}
