// The end-to-end tests run the build: it is made once, before them, from the sources as they
// are now, so that a run after an edit never tests stale code. A build newer than every file it
// read is not made again (as make would not): an unchanged tree starts its tests at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..');
/** Written by build.mjs: the files the build read, outside node_modules. */
const BUILD_INPUTS = join(repo, 'node_modules', '.cache', 'migration-backlog', 'build-inputs.json');
/** What the build depends on besides those: its script, its settings, the dependencies installed. */
const SETTINGS = ['build.mjs', 'package.json', 'tsconfig.json', join('node_modules', '.package-lock.json')];
/** Written last by build.mjs: a build cut short has not written them. */
const LAST_WRITTEN = [join('dist', 'build-id'), join('dist', 'help.txt')];

export default function buildOnce(): void {
  if (builtAt() > newestInput()) return;
  execFileSync(process.execPath, [join(repo, 'build.mjs')], { cwd: repo, stdio: 'inherit' });
}

/** When the last whole build ended, or 0 when there is none. */
function builtAt(): number {
  const stamps = [...LAST_WRITTEN.map((path) => join(repo, path)), BUILD_INPUTS];
  return stamps.every((path) => existsSync(path)) ? Math.min(...stamps.map((path) => statSync(path).mtimeMs)) : 0;
}

/** The newest of what the build read; a file it read that is gone counts as new (a rename, say). */
function newestInput(): number {
  const inputs = [...(JSON.parse(readFileSync(BUILD_INPUTS, 'utf8')) as string[]), ...SETTINGS].map((path) => join(repo, path));
  return Math.max(...inputs.map((path) => (existsSync(path) ? statSync(path).mtimeMs : Infinity)));
}
