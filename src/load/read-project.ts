import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../../schemas/project.js';
import { ROOT_FILE } from './find-root.js';
import { readSourceFile } from './read-source-file.js';
import { NotARegularFile, readRegularFile } from '../files/regular-file.js';
import type { SourceFile } from './types.js';

/** The `project` settings of a root file, read as validate reads them. */
export function projectOf(rootFile: SourceFile): Project | undefined {
  return rootFile.check.projects.find((project) => project.data !== undefined)?.data;
}

/** The `project` settings of a backlog, from its root file alone (for commands that need no more). */
export function readProjectSettings(root: string): Project | undefined {
  const path = join(root, ROOT_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return projectOf(readSourceFile(ROOT_FILE, readRegularFile(path)));
  } catch (error) {
    if (error instanceof NotARegularFile) return undefined;
    throw error;
  }
}
