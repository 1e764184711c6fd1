// What a command line is expected to do (issue 21, item 5): global options before the command,
// -f beside --format, an explicit flag over the environment, no option silently ignored, and
// messages that read right.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const contoso = join(repo, 'examples', 'contoso');

describe('command-line conventions', () => {
  it('takes --root before the command as after it', async () => {
    const before = await runCli(['--root', contoso, 'list', '--priority', '-f', 'ids']);
    const after = await runCli(['list', '--priority', '-f', 'ids', '--root', contoso]);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout).toContain('ecommerce\n');
    expect((await runCli(['--root', contoso, 'validate', '-f', 'json'])).code).toBe(0);
    // Given in both places, the command's own wins.
    const both = await runCli(['--root', join(repo, 'tests', 'fixtures', 'clean'), 'list', '-f', 'ids', '--root', contoso]);
    expect(both.stdout).toBe((await runCli(['list', '-f', 'ids', '--root', contoso])).stdout);
  });

  it('rules takes -f as every other command does', async () => {
    const { code, stdout } = await runCli(['rules', '-f', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toBeInstanceOf(Object);
  });

  it('--color beats NO_COLOR (an explicit flag beats the environment); NO_COLOR still beats FORCE_COLOR', async () => {
    const validate = ['validate', '--root', join(repo, 'tests', 'fixtures', 'golden')];
    expect((await runCli(['--color', ...validate], { env: { NO_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli([...validate, '--color'], { env: { NO_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await runCli(validate, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('graph --depth without --focus is a usage error, not ignored', async () => {
    const result = await runCli(['graph', '--root', contoso, '--depth', '2']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'backlog: --depth goes with --focus: it counts edges away from the focused workload or server\n' });
    expect((await runCli(['graph', '--root', contoso, '--focus', 'payroll', '--depth', '2'])).code).toBe(0);
  });

  it('says "an outcome", not "a outcome"', async () => {
    const result = await runCli(['set', 'outcome:run-cost', 'nope=1', '--root', contoso]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('an outcome has no field `nope`');
  });

  it('maps the AWS and Gartner names of strategies to ours in the hint', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: repurchase }\n  - { id: b, name: B, owner: O, strategy: revise }\n  - { id: c, name: C, owner: O, strategy: lift-and-shift }\n' });
    const { stdout } = await runCli(['validate', '--root', root, '-f', 'json']);
    expect(JSON.parse(stdout).diagnostics.map((d: { hint?: string }) => d.hint)).toEqual([
      "`repurchase` is AWS's name for `replace`",
      "`revise` is Gartner's name for `refactor`",
      "`lift-and-shift` is another name for `rehost`",
    ]);
    // set says it too: the hint of each finding the change would add.
    const clean = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: rehost }\n' });
    const set = await runCli(['set', 'a', 'strategy=repurchase', '--root', clean]);
    expect(set.stderr).toContain("hint: `repurchase` is AWS's name for `replace`");
  });

  it('WAVE_ORDER names an unknown wave as unknown, not as no wave', async () => {
    const root = tempDir({
      'backlog.yaml': 'waves:\n  - { id: wave-1, order: 1 }\nworkloads:\n  - { id: payroll, name: P, owner: o, strategy: rehost, wave: wave-1, depends_on: [hr-portal] }\n  - { id: hr-portal, name: H, owner: o, strategy: rehost, wave: wave-3 }\n',
    });
    const { stdout } = await runCli(['validate', '--root', root, '-f', 'json']);
    const order = JSON.parse(stdout).diagnostics.find((d: { code: string }) => d.code === 'WAVE_ORDER');
    expect(order.message).toBe('`payroll` is in wave-1 but depends on `hr-portal`, whose wave `wave-3` does not exist');
    expect(order.hint).toBe('define wave `wave-3`, or give `hr-portal` a wave no later than wave-1');
  });
});
