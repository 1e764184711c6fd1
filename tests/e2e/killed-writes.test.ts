// A write killed at any moment leaves the backlog whole — as it was, or as the write was to
// leave it, once the next command has run — with no temporary file left behind.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rootHash } from '../../src/cache/cache.js';
import { runCli } from '../helpers/run-cli.js';
import { started } from '../helpers/started-cli.js';
import { copyOf, tempDir } from '../helpers/temp-dir.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

describe('a write killed midway', () => {
  it('leaves the backlog as it was or as it was to be, whenever it is killed', async () => {
    // Waves suggested for 120 workloads, one file each: the write renames 121 files.
    const files: Record<string, string> = { 'backlog.yaml': 'project:\n  name: Kill test\n' };
    for (let n = 0; n < 120; n++) files[`workloads/w${n}.yaml`] = `workloads:\n  - id: w${n}\n    name: W${n}\n    owner: Ana\n    strategy: rehost\n`;
    const source = tempDir(files);
    const env = { XDG_CACHE_HOME: tempDir() };
    const write = ['waves', '--suggest', '--write', '--max-servers', '5', '--root'];
    // How long a whole write takes here: the kills fall across its second half, where the files are written.
    const startedAt = Date.now();
    expect((await started([...write, copyOf(source)], env)).code).toBe(0);
    const took = Date.now() - startedAt;
    // Killed while the new files are written, while they are renamed into place (both at the
    // moment the journal says so), and at two moments of the run's second half besides.
    const moments = ['preparing', 'committing', ...[0.6, 0.9].map((share) => Math.round(took * share))] as const;
    for (const [trial, moment] of moments.entries()) {
      const root = copyOf(source);
      const journal = join(env.XDG_CACHE_HOME, 'migration-backlog', `${rootHash(realpathSync(root))}.journal`);
      await started([...write, root], env, typeof moment === 'number' ? moment : { file: journal, holds: `"state":"${moment}"` });
      // The next command, run in process: it finishes or undoes the write as a process would.
      const validated = await runCli(['validate', '-f', 'json', '--root', root], { env });
      const { diagnostics } = JSON.parse(validated.stdout) as { diagnostics: Array<{ code: string; severity: string }> };
      expect(diagnostics.filter((d) => d.severity === 'error'), `trial ${trial}`).toEqual([]);
      const waved = filesUnder(join(root, 'workloads')).filter((name) => readFileSync(join(root, 'workloads', name), 'utf8').includes('wave:')).length;
      expect([0, 120], `trial ${trial}: ${waved} of 120 workloads have a wave`).toContain(waved);
      if (typeof moment === 'string') expect(waved, `killed while ${moment}`).toBe(moment === 'preparing' ? 0 : 120);
      expect(filesUnder(root).filter((name) => name.endsWith('.tmp')), `trial ${trial}`).toEqual([]);
      expect(existsSync(journal), `trial ${trial}`).toBe(false);
    }
  });
});
