// The benchmark's estates keep the promises the benchmark relies on (issue 6): they validate
// clean, so `validate` times loading and checking rather than the printing of findings; and
// they are realistic, with a few move groups (dependency cycles) for the graph to find.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

describe('bench/generate-estate.mjs', () => {
  const out = join(tempDir(), 'S');
  const generated = spawnSync(process.execPath, [join(repo, 'bench', 'generate-estate.mjs'), '--scale', 'S', '--out', out], { encoding: 'utf8' });

  it('writes the S estate: 200 workloads and 1,000 servers, one file per workload', () => {
    expect(generated.status).toBe(0);
    expect(generated.stdout).toBe(`generated S: 200 workloads, 1000 servers, 1984 server dependencies, 4 waves in ${out}\n`);
  });

  it('validates clean', async () => {
    const result = await runCli(['validate', '--root', out, '--fail-on', 'info']);
    expect(result).toEqual({ code: 0, stdout: '✔ no problems (201 files, 3194 entities)\n', stderr: '' });
  });

  it('has move groups: pairs of neighbouring workloads in one wave that depend on each other', async () => {
    const result = await runCli(['graph', '--root', out, '-f', 'json']);
    expect(result.code).toBe(0);
    const nodes = (JSON.parse(result.stdout) as { nodes: Array<{ id: string; moveGroup?: string; cluster: string }> }).nodes;
    const groups = new Map<string, string[]>();
    for (const node of nodes) if (node.moveGroup) groups.set(node.moveGroup, [...(groups.get(node.moveGroup) ?? []), node.id]);
    // Workloads 0 and 1, 97 and 98: the pairs of wl-(97k) and wl-(97k + 1) in one wave.
    const number = (group: string[]) => Number(group[0]!.slice('wl-'.length));
    expect([...groups.values()].sort((a, b) => number(a) - number(b))).toEqual([
      ['wl-0', 'wl-1'],
      ['wl-97', 'wl-98'],
      ['wl-194', 'wl-195'],
    ]);
  });
});
