import picomatch from 'picomatch';
import type { BacklogSource } from './source.js';

const YAML_FILE = /\.ya?ml$/i;

/** Folders that are never part of a backlog: hidden ones (.git, .github) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a relative path is a backlog file, given the globs of `project.exclude`. */
export function backlogFileFilter(exclude: readonly string[]): (path: string) => boolean {
  // As in .gitignore, a glob without a slash matches a file name in any folder; one with a
  // slash matches the path from the root. (picomatch's own `basename` option takes all globs.)
  const withSlash = exclude.filter((glob) => glob.includes('/'));
  const names = exclude.filter((glob) => !glob.includes('/'));
  const byPath = withSlash.length > 0 ? picomatch(withSlash, { dot: true }) : () => false;
  const byName = names.length > 0 ? picomatch(names, { dot: true }) : () => false;
  const excluded = (path: string) => byPath(path) || byName(path.slice(path.lastIndexOf('/') + 1));
  return (path) => {
    if (!YAML_FILE.test(path)) return false;
    const folders = path.split('/').slice(0, -1);
    return !folders.some(isSkippedFolder) && !excluded(path);
  };
}

/** The files of a source that are part of the backlog, given the globs of `project.exclude`. */
export async function backlogPaths(source: Pick<BacklogSource, 'listFiles'>, exclude: readonly string[]): Promise<string[]> {
  return (await source.listFiles()).filter(backlogFileFilter(exclude));
}
