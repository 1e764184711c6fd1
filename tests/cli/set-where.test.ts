// `backlog set --where`: one change to every entity that matches, in one write of every file
// it touches, saying what changed on each (issue 21, item 7).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { snapshot, tempDir } from '../helpers/temp-dir.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

function contoso(): string {
  const root = tempDir();
  cpSync(CONTOSO, root, { recursive: true });
  return root;
}

describe('set --where: many entities at once', () => {
  it('sets the field on every match, in one write of every file, and says what changed', async () => {
    const root = contoso();
    const before = snapshot(root);
    const dry = await runCli(['set', '--where', 'wave=wave-3', 'status=scheduled', '--dry-run'], { cwd: root });
    expect(dry.code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect(dry.stdout).toContain('+    status: scheduled');
    const result = await runCli(['set', '--where', 'wave=wave-3', 'status=scheduled'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'workload:expenses  status: assessing → scheduled',
        'workload:hr-portal  status: ready → scheduled',
        'workload:learning-mgmt  status: ready → scheduled',
        'workload:payroll  status: remediating → scheduled',
        'workload:timesheets  status: ready → scheduled',
        'Changed 5 workloads; wrote workloads/hr.yaml, workloads/payroll.yaml.',
        '',
      ].join('\n'),
    );
    const scheduled = await runCli(['list', '--where', 'status=scheduled', '-f', 'ids'], { cwd: root });
    expect(scheduled.stdout.trim().split('\n').sort()).toEqual(['expenses', 'hr-portal', 'learning-mgmt', 'payroll', 'software-deploy', 'timesheets']);
  });

  it('takes another collection, and says so when nothing matches', async () => {
    const root = contoso();
    const servers = await runCli(['set', '--collection', 'servers', '--where', 'workloads=payroll', 'tags+=payroll'], { cwd: root });
    expect(servers.code).toBe(0);
    expect(servers.stdout).toMatch(/^server:PAYAPP01 {2}tags: \(none\) → payroll\n/);
    const none = await runCli(['set', '--where', 'status=ready', '--where', 'wave=wave-1', 'owner=x'], { cwd: root });
    expect(none).toEqual({ code: 0, stdout: '', stderr: 'backlog: no workloads match --where status=ready --where wave=wave-1: nothing to change\n' });
    const noValue = await runCli(['set', '--where', 'wave=wave-3'], { cwd: root });
    expect(noValue.code).toBe(2);
  });
});
