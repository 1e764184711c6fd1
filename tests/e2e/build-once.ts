// The end-to-end tests run the build: it is made once, before them, from the sources as they
// are now, so that a run after an edit never tests stale code.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildOnce(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'build.mjs')], { cwd: join(import.meta.dirname, '..', '..'), stdio: 'inherit' });
}
