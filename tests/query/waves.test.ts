// backlog waves: the table of waves with load and findings; --suggest --write end to end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

const BACKLOG = `# Waves for the test.
project:
  defaults: { max_servers_per_wave: 3 }
waves:
  - { id: w1, name: Pilot, order: 1, status: completed, start: 2026-01-05, end: 2026-01-30 }
  - { id: w2, order: 2, max_servers: 2 }
workloads:
  - { id: done, name: Done, owner: O, strategy: rehost, status: migrated, wave: w1 }
  - { id: web, name: Web, owner: O, strategy: rehost, wave: w1, depends_on: [db] }
  - { id: db, name: DB, owner: O, strategy: rehost, wave: w2 }
  - { id: new, name: New, owner: O, strategy: replatform }
  - id: later   # no wave yet
    name: Later
    owner: O
    strategy: rehost
    depends_on: [db]
servers:
  - { id: DONE1, workloads: [done], status: migrated }
  - { id: WEB1, workloads: [web] }
  - { id: DB1, workloads: [db] }
  - { id: DB2, workloads: [db] }
  - { id: DB3, workloads: [db] }
  - { id: NEW1, workloads: [new] }
`;

describe('backlog waves', () => {
  it('lists each wave with load, capacity use and findings, and what has no wave', async () => {
    const root = tempDir({ 'backlog.yaml': BACKLOG });
    const json = JSON.parse((await runCli(['waves', '--root', root, '-f', 'json'])).stdout).waves;
    expect(json.map((w: { id: string; servers: number; capacity: number | null; workloads: string[]; findings: Array<{ code: string }> }) => [w.id, w.workloads, w.servers, w.capacity, w.findings.map((f) => f.code)])).toEqual([
      ['w1', ['done', 'web'], 2, 3, ['WAVE_ORDER']],
      ['w2', ['db'], 3, 2, ['WAVE_CAPACITY']],
      ['(no wave)', ['later', 'new'], 1, null, []],
    ]);
    const table = await runCli(['waves', '--root', root]);
    expect(table.code).toBe(0);
    await expect(table.stdout).toMatchFileSnapshot(golden('waves.table.txt'));
  });

  it('suggests a plan, and with --write changes only the wave lines, keeping comments', async () => {
    const root = tempDir({ 'backlog.yaml': BACKLOG });
    const plan = await runCli(['waves', '--root', root, '--suggest', '--reassign']);
    expect(plan.code).toBe(0);
    await expect(plan.stdout).toMatchFileSnapshot(golden('waves.suggest.txt'));

    const dry = await runCli(['waves', '--root', root, '--suggest', '--reassign', '--write', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(readFileSync(join(root, 'backlog.yaml'), 'utf8')).toBe(BACKLOG);
    await expect(dry.stdout).toMatchFileSnapshot(golden('waves.suggest.diff'));

    const written = await runCli(['waves', '--root', root, '--suggest', '--reassign', '--write']);
    expect(written).toMatchObject({ code: 0, stdout: 'Wrote backlog.yaml.\n' });
    const after = readFileSync(join(root, 'backlog.yaml'), 'utf8');
    expect(after.split('\n').filter((line) => line.includes('#'))).toEqual(['# Waves for the test.', '  - id: later   # no wave yet']);
    const before = BACKLOG.split('\n');
    const removed = before.filter((line) => !after.split('\n').includes(line));
    const added = after.split('\n').filter((line) => !before.includes(line));
    expect(removed).toEqual(before.filter((line) => /id: (web|db|new),/.test(line)));
    expect(added.every((line) => /wave: w\d|- \{ id: w[34], order: [34] \}/.test(line))).toBe(true);

    const check = await runCli(['validate', '--root', root, '-f', 'json']);
    const codes = JSON.parse(check.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes.filter((code: string) => code === 'WAVE_ORDER' || code === 'SPLIT_MOVE_GROUP')).toEqual([]);
    // The plan is stable: a second run finds nothing to change.
    expect((await runCli(['waves', '--root', root, '--suggest', '--write'])).stdout).toBe('Nothing to change.\n');
  });

  it('refuses to write into a file with YAML errors, and writes nothing anywhere', async () => {
    const broken = 'risks:\n  - id: r1\n    title: Cut-over: payroll\n---\nworkloads:\n  - { id: x, name: X, owner: O, strategy: rehost }\n';
    const root = tempDir({ 'backlog.yaml': BACKLOG, 'more.yaml': broken });
    const result = await runCli(['waves', '--root', root, '--suggest', '--reassign', '--write']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('backlog: more.yaml has YAML errors: fix them first');
    expect(readFileSync(join(root, 'more.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(join(root, 'backlog.yaml'), 'utf8')).toBe(BACKLOG);
  });
});
