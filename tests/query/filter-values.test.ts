// A typo in a filter value is a usage error, not an empty answer (issue 21, item 4): a value
// outside a field's enumeration, or an id no entity has, says so with a "did you mean".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '..', '..');
const contoso = join(repo, 'examples', 'contoso');
const list = (...args: string[]) => runCli(['list', '--root', contoso, ...args]);

describe('filter values', () => {
  it.each([
    [['--where', 'status=redy'], 'backlog: --where status=redy: `redy` is not a status of workloads\nhint: did you mean `ready`?\n'],
    [['--status', 'ready,redy'], 'backlog: --where status=ready,redy: `redy` is not a status of workloads\nhint: did you mean `ready`?\n'],
    [['--strategy', 'repurchase'], "backlog: --where strategy=repurchase: `repurchase` is not a strategy of workloads\nhint: `repurchase` is AWS's name for `replace`\n"],
    [['--where', 'priority!=hihg'], 'backlog: --where priority!=hihg: `hihg` is not a priority of workloads\nhint: did you mean `high`?\n'],
    [['--where', 'status~xyz'], 'backlog: --where status~xyz: no status of workloads contains `xyz`\nhint: the values are identified, assessing, remediating, ready, scheduled, migrating, migrated, optimized, retired, retained and blocked\n'],
    [['--wave', 'wave-9'], 'backlog: --where wave=wave-9: there is no wave `wave-9`\nhint: did you mean `wave-1`?\n'],
    [['servers', '--where', 'workloads=payrol'], 'backlog: --where workloads=payrol: there is no workload `payrol`\nhint: did you mean `payroll`?\n'],
  ])('%j: exit 2', async (args, stderr) => {
    expect(await list(...args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('takes values in any case, empty values (a missing field), parts of values and ids that exist', async () => {
    for (const args of [['--where', 'status=Ready'], ['--where', 'wave='], ['--where', 'status~read'], ['--wave', 'WAVE-2'], ['--where', 'strategy!=rehost,retire']]) {
      const result = await list(...args, '-f', 'ids');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).not.toBe('');
    }
  });

  it("the README's example shows rows on examples/contoso", async () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const example = /^backlog list (--where '[^']*' --where '[^']*')$/m.exec(readme);
    expect(example).not.toBeNull();
    const args = [...example![1]!.matchAll(/--where '([^']*)'/g)].flatMap((match) => ['--where', match[1]!]);
    const result = await list(...args, '-f', 'ids');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').length).toBeGreaterThan(0);
    expect(result.stdout).not.toBe('');
  });
});
