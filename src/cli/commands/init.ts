// `backlog init [DIR] [--ci github|gitlab|none]`: a starter backlog that validates clean, and
// CI that checks it, written where the CI service reads it: at the top of the git repository,
// with --root the backlog folder from there. Refuses to overwrite anything.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write.js';
import { ciFile, PACKAGE_NAME, type CiChoice } from '../../edit/ci-files.js';
import { starterFiles } from '../../edit/starter-backlog.js';
import { errorMessage, IoError, UsageError } from '../../errors.js';
import { makeFolder } from '../../files/make-folder.js';
import { gitTopLevel } from '../../git/top-level.js';
import { foreignReasonOfText } from '../../edit/format-yaml.js';
import { isBacklogFile } from '../../load/file-filter.js';
import { isCollectionName } from '../../../schemas/vocabulary.js';
import { fsSource } from '../../load/fs-source.js';
import { printable } from '../../text/printable.js';
import type { CliIO } from '../io.js';
import { toolVersion } from '../version.js';
import { writeOutput } from '../write-output.js';

export async function runInit(dir: string | undefined, options: { ci: CiChoice }, io: CliIO): Promise<number> {
  const target = resolve(io.cwd, dir ?? '.');
  const shown = (path: string) => {
    const rel = relative(io.cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  };
  // Outside a repository, the backlog folder is where one would be made.
  const top = gitTopLevel(target);
  const ci = options.ci === 'none' ? undefined : ciFile(options.ci, { root: relative(top ?? target, target).split(sep).join('/') || '.', version: toolVersion(), installed: listsPackage(top ?? target) });
  // The CI file is read as part of the backlog only when the backlog is the top of the repository.
  const ciInside = ci && relative(target, join(top ?? target, ci.path)).split(sep).join('/');
  const ciRead = ciInside !== undefined && !ciInside.startsWith('../') && isBacklogFile(ciInside);
  const leftOut = leftOutGlobs(await foreignFilesIn(target), ciRead ? [ciInside] : []);
  const files = new Map([...starterFiles(leftOut)].map(([path, text]) => [join(target, path), text]));
  if (ci) files.set(join(top ?? target, ci.path), ci.text);

  const existing = [...files.keys()].filter((path) => existsSync(path));
  if (existing.length > 0) {
    const names = existing.map((path) => relative(target, path).split(sep).join('/'));
    const onlyCi = ci !== undefined && existing.length === 1 && existing[0] === join(top ?? target, ci.path);
    throw new UsageError(
      `${shown(target)} already has ${names.join(', ')}: init writes nothing over existing files`,
      onlyCi ? `--ci none leaves the CI out; ${options.ci === 'gitlab' ? 'add the job of ci/backlog.gitlab-ci.yml (README, "Install") to yours' : 'or name another workflow file'}` : 'run it in a new folder',
    );
  }
  try {
    for (const [path, text] of files) {
      makeFolder(dirname(path));
      writeFileAtomic(path, text);
    }
  } catch (error) {
    throw error instanceof IoError ? error : new IoError(`cannot create the backlog in ${target}: ${errorMessage(error)}`, { cause: error });
  }
  const where = shown(target);
  const lines = [`Started a backlog in ${where}:`, ...[...starterFiles().keys()].map((path) => `  ${path}`)];
  if (ci) {
    const ciPath = join(top ?? target, ci.path);
    lines.push(top ? `and its CI at the top of the git repository: ${shown(ciPath)}` : `and its CI, for a git repository made in ${where}: ${shown(ciPath)}`);
  }
  if (leftOut.length > 0) lines.push(`left out of the backlog, as files of something else (\`exclude\` in backlog.yaml): ${leftOut.join(', ')}`);
  lines.push(`Next: edit the examples, then \`backlog validate${where === '.' ? '' : ` --root ${where}`}\`.`);
  writeOutput(io, `${printable(lines.join('\n'))}\n`);
  return 0;
}

/** The YAML files in the folder, as a backlog would read them, and which of them are of something else (format-yaml.ts). */
async function foreignFilesIn(folder: string): Promise<{ all: string[]; foreign: Set<string> }> {
  if (!existsSync(folder)) return { all: [], foreign: new Set() };
  const all = (await fsSource(folder).listFiles()).filter(isBacklogFile);
  const foreign = new Set(all.filter((path) => foreignReasonOfText(textOrEmpty(join(folder, path))) !== undefined));
  return { all, foreign };
}

/** A file's text; one that cannot be read counts as empty (a backlog's, for init to leave as it is). */
function textOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Globs of the files of something else, to leave out: a folder whose YAML files all are (and
 * which no collection is named after) as `k8s/**`, any other such file by its path. Each glob is
 * escaped, so that a name holding `!`, `*` or `[` means itself.
 */
function leftOutGlobs({ all, foreign }: { all: string[]; foreign: Set<string> }, more: readonly string[]): string[] {
  const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : undefined);
  const wholeFolder = (folder: string) => !isCollectionName(folder) && all.every((path) => folderOf(path) !== folder || foreign.has(path));
  const globs = [...foreign, ...more].map((path) => {
    const folder = folderOf(path);
    return folder !== undefined && wholeFolder(folder) ? `${escapedGlob(folder)}/**` : escapedGlob(path);
  });
  return [...new Set(globs)];
}

const escapedGlob = (path: string) => path.replace(/[\\*?[\]{}()!+@|]/g, '\\$&');

/**
 * Whether the top of the repository installs this package with npm (README, "Install"): its
 * package.json lists it, beside the lock file `npm ci` needs.
 */
function listsPackage(top: string): boolean {
  if (!['package-lock.json', 'npm-shrinkwrap.json'].some((lock) => existsSync(join(top, lock)))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(top, 'package.json'), 'utf8')) as Record<string, unknown>;
    return ['dependencies', 'devDependencies'].some((field) => Object.hasOwn((manifest[field] ?? {}) as object, PACKAGE_NAME));
  } catch {
    return false; // none, or not JSON: the CI installs the published version
  }
}
