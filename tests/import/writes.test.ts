// Imports write safely: never into a file with YAML errors, never half of a change, never outside
// the backlog, and `--into` decides where new entities go.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot, tempDir } from '../helpers/temp-dir.js';
import { backlogWith } from '../helpers/import-estate.js';

/** The estate in a folder of its own (`<tmp>/backlog`), so that a write beside it can be seen. */
const BROKEN_SERVERS = 'servers:\n  - id: WEB01\n    cores: [2\n';

describe('import refuses to write into a file with YAML errors', () => {
  it('a duplicate key in the target file: exit 1, nothing written', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    writeFileSync(join(root, 'servers.yaml'), read(root, 'servers.yaml').replace('    cores: 2\n', '    cores: 2\n    cores: 3\n'));
    const before = snapshot(root);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('backlog: servers.yaml has YAML errors: fix them first (see `backlog validate`), nothing was written\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('a syntax error in the target file: nothing is written', async () => {
    const root = backlogWith(['rvtools-vInfo.csv'], { files: { 'servers.yaml': BROKEN_SERVERS } });
    const before = snapshot(root);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(snapshot(root)).toEqual(before);
  });

  // Was a bug, kept as a regression test: import applies its text edits to the broken file before asking the safe writer, and the
  // edit's "the file has YAML errors" is not caught: an internal error (exit 3, "This is a bug in
  // backlog") instead of the refusal every other write gives (exit 1, the file named).
  it('a syntax error in the target file is a refusal naming the file (exit 1), not an internal error', async () => {
    const root = backlogWith(['rvtools-vInfo.csv'], { files: { 'servers.yaml': BROKEN_SERVERS } });
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('servers.yaml has YAML errors');
    expect(result.code).toBe(1);
  });

  it('a broken file elsewhere does not stop an import into a clean one', async () => {
    const broken = 'risks:\n  - id: r1\n    title: Cut-over: payroll\n';
    const root = backlogWith(['rvtools-vInfo.csv'], { files: { 'risks.yaml': broken } });
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Wrote servers.yaml.');
    expect(result.stderr).toBe('backlog: the backlog has 1 error (see `backlog validate`); what could not be read is left as it is\n');
    expect(read(root, 'risks.yaml')).toBe(broken);
  });
});

describe('import --into', () => {
  it('puts new servers into a new file in an existing folder, and updates known ones where they are', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    mkdirSync(join(root, 'inventory'));
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', 'inventory/vmware.yaml'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Wrote servers.yaml, inventory/vmware.yaml.');
    expect((parse(read(root, 'inventory/vmware.yaml')) as { servers: Array<{ id: string }> }).servers.map((s) => s.id)).toEqual(['APP03', 'Mail-Relay-old']);
    expect(read(root, 'inventory/vmware.yaml').startsWith('servers:\n  - id: APP03\n    os: Red Hat Enterprise Linux 8 (64-bit)\n')).toBe(true);
    expect(read(root, 'servers.yaml')).toContain('    cores: 4\n');
  });

  it('appends to an existing file given as --into, after what is there', async () => {
    const root = backlogWith(['rvtools-vInfo.csv'], { files: { 'more-servers.yaml': '# Servers found by RVTools.\nservers:\n  - id: OLD01 # decommissioned soon\n' } });
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', 'more-servers.yaml'], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, 'more-servers.yaml')).toBe(`# Servers found by RVTools.
servers:
  - id: OLD01 # decommissioned soon
  - id: APP03
    os: Red Hat Enterprise Linux 8 (64-bit)
    os_family: linux
    platform: vmware
    cores: 2
    memory_gb: 6
    disk_gb: 40
  - id: Mail-Relay-old
    hostname: relay01.fabrikam.local
    os: Other 3.x or later Linux (64-bit)
    os_family: linux
    platform: vmware
    cores: 1
    memory_gb: 2
    disk_gb: 20
    ips: [10.1.0.61, fe80::250:56ff:fe9a:1]
`);
  });

  // Was a bug, kept as a regression test: a folder that does not exist yet is not created: the write fails (exit 3, ENOENT) AFTER
  // servers.yaml was already rewritten with the updates, so half of the import is on disk.
  it('creates the folder of a new --into file (and never writes half an import)', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', 'imported/servers.yaml'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(root, 'imported', 'servers.yaml'))).toBe(true);
  });

  // Was a bug, kept as a regression test: --into is not checked to be inside the backlog: `../outside.yaml` is written next to the
  // backlog folder, so the new servers silently leave the backlog. fmt refuses such a path (exit 2).
  it('refuses an --into file outside the backlog root (exit 2), writing nothing', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    const before = snapshot(root);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', '../outside.yaml'], { cwd: root });
    expect(existsSync(join(dirname(root), 'outside.yaml'))).toBe(false);
    expect(result.code).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it('takes an --into file whose name starts with two dots as inside the root', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', '..imported.yaml'], { cwd: root });
    expect(result.code).toBe(0);
    expect(read(root, '..imported.yaml')).toContain('- id: APP03');
  });

  // Was a bug, kept as a regression test: an existing file the backlog does not read (excluded)
  // was taken as empty and written over with the imported entities alone.
  it('refuses an --into file that exists but the backlog does not read (excluded), writing nothing', async () => {
    const root = tempDir({
      'backlog.yaml': 'project:\n  name: X\n  exclude: ["drafts/**"]\nworkloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      'drafts/keep.yaml': '# my notes, not read\nworkloads:\n  - { id: draft, name: Draft, owner: Me }\n',
      'n.csv': 'id,name,owner\nnew1,New,Bo\n',
    });
    const before = snapshot(root);
    const result = await runCli(['import', 'csv', 'n.csv', '--into', 'drafts/keep.yaml'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('backlog: drafts/keep.yaml exists but is not read as part of the backlog (see `exclude` in backlog.yaml): name another file; nothing was written\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an --into file that is not YAML (exit 2), writing nothing', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    const before = snapshot(root);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--into', 'servers.txt'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--into servers.txt is not a .yaml file');
    expect(snapshot(root)).toEqual(before);
  });
});
