import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;
let cachedBuild: string | undefined;

/** The package's folder: the nearest one above this module (in src/ or dist/) with a package.json. */
function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The package version, read on first use. */
export function toolVersion(): string {
  cached ??= (JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

/**
 * What the caches are keyed by: the version and a hash of the code built (dist/build-id, from
 * build.mjs), so that a build with other code never reads what another build cached, even
 * under the same version number. Run from the sources (the tests), `source`.
 */
export function cacheVersion(): string {
  if (cachedBuild === undefined) {
    const builtHere = fileURLToPath(import.meta.url).includes(`${sep}dist${sep}`);
    const idFile = join(packageDir(), 'dist', 'build-id');
    cachedBuild = builtHere && existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : 'source';
  }
  return `${toolVersion()}+${cachedBuild}`;
}
