// The only code that reads a backlog: list the files of a source, skip what is not part of
// the backlog, and parse each one.
import { UsageError } from '../errors.js';
import { backlogFileFilter } from './file-filter.js';
import { ROOT_FILE } from './find-root.js';
import { projectOf } from './read-project.js';
import { readSourceFile } from './read-source-file.js';
import type { BacklogSource } from './source.js';
import type { SourceFile } from './types.js';

export async function loadFiles(source: BacklogSource): Promise<SourceFile[]> {
  const rootBytes = await source.readFile(ROOT_FILE);
  const rootFile = rootBytes ? readSourceFile(ROOT_FILE, rootBytes) : undefined;
  const isBacklogFile = backlogFileFilter((rootFile && projectOf(rootFile)?.exclude) ?? []);
  const paths = (await source.listFiles()).filter(isBacklogFile);
  if (paths.length === 0) {
    throw new UsageError(`no backlog files in ${source.description}: no *.yaml or *.yml file`);
  }
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === ROOT_FILE && rootFile) {
      files.push(rootFile);
      continue;
    }
    const bytes = await source.readFile(path);
    if (bytes) files.push(readSourceFile(path, bytes));
  }
  return files;
}
