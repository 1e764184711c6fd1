// The end-to-end tests run the build: it is made once, before them, from the sources as they
// are now, so that a run after an edit never tests stale code. A build newer than every input
// is not made again (as make would not): an unchanged tree starts its tests at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
/** What the build reads besides src/: its script, its settings and the locked dependencies it bundles. */
const INPUTS = ['build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', join('node_modules', '.package-lock.json')];
/** Written last by build.mjs: a build cut short has not written them. */
const LAST_WRITTEN = [join('dist', 'build-id'), join('dist', 'help.txt')];

export default function buildOnce(): void {
  if (builtAt() > newestInput()) return;
  execFileSync(process.execPath, [join(repo, 'build.mjs')], { cwd: repo, stdio: 'inherit' });
}

/** When the last whole build ended, or 0 when there is none. */
function builtAt(): number {
  const stamps = LAST_WRITTEN.map((path) => join(repo, path));
  return stamps.every((path) => existsSync(path)) ? Math.min(...stamps.map((path) => statSync(path).mtimeMs)) : 0;
}

function newestInput(): number {
  const sources = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' }).map((path) => join('src', path));
  // A folder's time changes when a file in it is removed or renamed.
  const paths = ['src', ...sources, ...INPUTS].map((path) => join(repo, path)).filter((path) => existsSync(path));
  return Math.max(...paths.map((path) => statSync(path).mtimeMs));
}
