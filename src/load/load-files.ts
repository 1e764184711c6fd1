// The only code that reads a backlog: list the files of a source, skip what is not part of
// the backlog, and parse each one.
import { UsageError } from '../errors.js';
import { backlogPaths } from './file-filter.js';
import { ROOT_FILE } from './find-root.js';
import { projectOf } from './read-project.js';
import { blobId } from './content-id.js';
import { decodeText } from './decode.js';
import { relocate, type ParseCache } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';
import type { BacklogSource } from './source.js';
import type { SourceFile } from './types.js';

export interface LoadOptions {
  /** An empty backlog is a backlog (the base of a diff that adds one), not an error. */
  allowEmpty?: boolean;
  /**
   * Parsed files by their content id, shared between loads (the two sides of a diff share
   * nearly every file). Parsed values are never changed after parsing, so sharing is safe.
   */
  memo?: Map<string, SourceFile>;
  /** The persistent parse cache (parse-cache.ts); its owner saves it once done loading. */
  cache?: ParseCache;
}

export async function loadFiles(source: BacklogSource, options: LoadOptions = {}): Promise<SourceFile[]> {
  const { memo, cache } = options;
  const read = (path: string, bytes: Uint8Array): SourceFile => {
    const memoKey = memo ? `${path === ROOT_FILE}\0${source.contentId?.(path) ?? blobId(bytes)}` : '';
    const known = memo?.get(memoKey);
    if (known) return known.path === path ? known : { ...known, path, check: relocate(known.check, path) };
    const cacheKey = cache?.key(path, bytes);
    let file = cacheKey === undefined ? undefined : cache!.get(cacheKey, path, decodeText(bytes).text);
    if (!file) {
      file = readSourceFile(path, bytes);
      if (cacheKey !== undefined) cache!.set(cacheKey, file);
    }
    memo?.set(memoKey, file);
    return file;
  };
  const rootBytes = await source.readFile(ROOT_FILE);
  const rootFile = rootBytes ? read(ROOT_FILE, rootBytes) : undefined;
  const paths = await backlogPaths(source, (rootFile && projectOf(rootFile)?.exclude) ?? []);
  if (paths.length === 0 && !options.allowEmpty) {
    throw new UsageError(`no backlog files in ${source.description}: no *.yaml or *.yml file`);
  }
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === ROOT_FILE && rootFile) {
      files.push(rootFile);
      continue;
    }
    const bytes = await source.readFile(path);
    if (bytes) files.push(read(path, bytes));
  }
  return files;
}
