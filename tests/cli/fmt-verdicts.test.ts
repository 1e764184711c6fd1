// `fmt` and `fmt --check` answer alike with the cache warm, cold, and off: a file whose bytes
// have a verdict is not formatted again, and a file changed since is checked again.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const ROOT = 'project:\n  name: Generated\n';

/** A workloads file: canonical, or with its fields out of the specification's order. */
function workloads(index: number, canonical: boolean): string {
  const items = [0, 1, 2].map((i) => {
    const id = `w${index}-${i}`;
    return canonical ? `  - id: ${id}\n    name: Workload ${id} # kept\n    strategy: rehost\n` : `  - name: Workload ${id}\n    id: ${id}\n    strategy: rehost\n`;
  });
  return `workloads:\n${items.join('')}`;
}

const BROKEN = 'workloads:\n  - id: broken\n    name: [unclosed\n';

/** A small deterministic generator of choices (the same run after run). */
function choices(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('fmt with format verdicts in the cache', () => {
  it('gives the same output and exit code warm, cold and with --no-cache, across edits', async () => {
    const next = choices(7);
    const files: Record<string, string> = { 'backlog.yaml': ROOT };
    for (let i = 0; i < 24; i++) files[`team-${i % 3}/w${i}.yaml`] = workloads(i, next() < 0.7);
    files['team-0/broken.yaml'] = BROKEN;
    const dir = tempDir(files);
    const cache = tempDir();
    try {
      const check = (extra: string[], env: Record<string, string> = {}) => runCli(['fmt', '--check', '--root', dir, ...extra], { env: { XDG_CACHE_HOME: cache, ...env } });
      const agree = async (extra: string[] = []) => {
        const off = await check(extra, { BACKLOG_NO_CACHE: '1' });
        const cold = await check(extra);
        const warm = await check(extra);
        const flagOff = await runCli(['fmt', '--check', '--no-cache', '--root', dir, ...extra], { env: { XDG_CACHE_HOME: cache } });
        expect(cold).toEqual(off);
        expect(warm).toEqual(off);
        expect(flagOff).toEqual(off);
        return off;
      };
      const first = await agree();
      expect(first.code).toBe(1);
      expect(first.stderr).toContain('skipped team-0/broken.yaml');
      await agree([join(dir, 'team-1')]);
      // Edits between runs: canonical files made not, others made canonical, the broken one fixed.
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 24; i++) if (next() < 0.3) writeFileSync(join(dir, `team-${i % 3}/w${i}.yaml`), workloads(i, next() < 0.5));
        if (round === 1) writeFileSync(join(dir, 'team-0/broken.yaml'), workloads(99, true));
        await agree();
      }
      // Written by fmt with the cache on, then checked: nothing left to format.
      const written = await runCli(['fmt', '--root', dir], { env: { XDG_CACHE_HOME: cache } });
      expect(written.code).toBe(0);
      const after = await agree();
      expect(after).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('checks again a file changed after it was known canonical', async () => {
    const canonical = 'workloads:\n  - id: a\n    name: A\n';
    // The same size, written at once: only its content tells.
    const reordered = 'workloads:\n  - name: A\n    id: a\n';
    const dir = tempDir({ 'backlog.yaml': ROOT, 'w.yaml': canonical });
    const cache = tempDir();
    try {
      const check = () => runCli(['fmt', '--check', '--root', dir], { env: { XDG_CACHE_HOME: cache } });
      expect((await check()).code).toBe(0);
      expect((await check()).code).toBe(0);
      writeFileSync(join(dir, 'w.yaml'), reordered);
      expect(await check()).toEqual({ code: 1, stdout: 'w.yaml\n', stderr: 'backlog: 1 file would be reformatted; run `backlog fmt`\n' });
      writeFileSync(join(dir, 'w.yaml'), canonical);
      expect(await check()).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
