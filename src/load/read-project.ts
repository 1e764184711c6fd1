import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../schemas/project.js';
import { parseProject } from '../validate/check-documents.js';
import { ROOT_FILE } from './find-root.js';
import { readSourceFile } from './read-source-file.js';
import type { SourceFile } from './types.js';

/** The `project` settings of a root file, read as validate reads them. */
export function projectOf(rootFile: SourceFile): Project | undefined {
  for (const doc of rootFile.documents) {
    const value = doc.usable ? (doc.value as Record<string, unknown> | null) : undefined;
    if (value && typeof value === 'object' && Object.hasOwn(value, 'project') && value.project !== null) return parseProject(value.project).data;
  }
  return undefined;
}

/** The `project` settings of a backlog, from its root file alone (for commands that need no more). */
export function readProjectSettings(root: string): Project | undefined {
  const path = join(root, ROOT_FILE);
  return existsSync(path) ? projectOf(readSourceFile(ROOT_FILE, readFileSync(path))) : undefined;
}
