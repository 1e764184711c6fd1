import picomatch from 'picomatch';

const YAML_FILE = /\.ya?ml$/i;

/** Folders that are never part of a backlog: hidden ones (.git, .github) and node_modules. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether a relative path is a backlog file, given the globs of `project.exclude`. */
export function backlogFileFilter(exclude: readonly string[]): (path: string) => boolean {
  const excluded = exclude.length > 0 ? picomatch(exclude as string[], { dot: true }) : () => false;
  return (path) => {
    if (!YAML_FILE.test(path)) return false;
    const folders = path.split('/').slice(0, -1);
    return !folders.some(isSkippedFolder) && !excluded(path);
  };
}
