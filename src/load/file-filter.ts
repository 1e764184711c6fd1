import { errorMessage, UsageError } from '../errors.js';
import { ROOT_FILE } from './find-root.js';
import type { BacklogSource } from './source.js';

const YAML_FILE = /\.ya?ml$/i;

/** Folders that are never part of a backlog: hidden ones (.git, .github) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a relative path can be a backlog file: YAML, in no skipped folder. */
export function isBacklogFile(path: string): boolean {
  if (!YAML_FILE.test(path)) return false;
  // Each folder on the way, found in place (10,000 paths at L).
  for (let start = 0, slash = path.indexOf('/'); slash !== -1; start = slash + 1, slash = path.indexOf('/', start)) {
    if (isSkippedFolder(path.slice(start, slash))) return false;
  }
  return true;
}

/**
 * Whether a relative path is excluded by the globs of `project.exclude`. The glob library is
 * loaded only for a project that has some: most have none, and every command starts sooner.
 */
async function exclusion(exclude: readonly string[]): Promise<(path: string) => boolean> {
  if (exclude.length === 0) return () => false;
  // A CommonJS module: what it exports is the import's default (its types say `export =`).
  const picomatch = ((await import('picomatch')) as unknown as { default: typeof import('picomatch') }).default;
  // As in .gitignore, a glob without a slash matches a file name in any folder; one with a
  // slash matches the path from the root. (picomatch's own `basename` option takes all globs.)
  const withSlash = exclude.filter((glob) => glob.includes('/'));
  const names = exclude.filter((glob) => !glob.includes('/'));
  const byPath = matcher(picomatch, withSlash);
  const byName = matcher(picomatch, names);
  return (path) => byPath(path) || byName(path.slice(path.lastIndexOf('/') + 1));
}

/** One matcher of several globs; a glob that cannot be one is a configuration error. */
function matcher(picomatch: typeof import('picomatch'), globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  for (const glob of globs) {
    if (typeof glob !== 'string' || glob.trim() === '') throw new UsageError(`project.exclude in ${ROOT_FILE} holds an empty glob`, 'remove it, or write the files to leave out (drafts/**, *.draft.yaml)');
  }
  try {
    return picomatch([...globs], { dot: true });
  } catch (error) {
    throw new UsageError(`project.exclude in ${ROOT_FILE}: ${errorMessage(error)}`, 'write each glob as .gitignore does (drafts/**, *.draft.yaml)');
  }
}

/** The files of a source that are part of the backlog, given the globs of `project.exclude`. */
export async function backlogPaths(source: Pick<BacklogSource, 'listFiles'>, exclude: readonly string[]): Promise<string[]> {
  const excluded = await exclusion(exclude);
  return (await source.listFiles()).filter((path) => isBacklogFile(path) && !excluded(path));
}
