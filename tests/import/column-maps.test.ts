// Column maps for any sheet: --map 'Column=field', --map-file, `project.imports.<source>` in
// backlog.yaml, and --ignore-unknown-columns; the columns left out are listed, and a mapped
// column no sheet has is said.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogWith, server } from '../helpers/import-estate.js';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot, tempDir } from '../helpers/temp-dir.js';

const TEAM_SHEET = 'App,Application name,Owner,Colour,Go-live\r\ncrm,CRM,Ana,red,31/01/2027\r\n';

describe('import csv with a column map', () => {
  it('--map reads columns into fields, x- fields and nothing; the rest refuse the sheet', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  name: X\n', 'team.csv': TEAM_SHEET });
    const refused = await runCli(['import', 'csv', 'team.csv', '--map', 'App=id'], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^backlog: team\.csv: `Application name`, `Colour`, `Go-live` are not fields of workloads\n/);
    const result = await runCli(['import', 'csv', 'team.csv', '--map', 'App=id', '--map', 'Application name=name', '--map', 'Colour=x-colour', '--map', 'Go-live=milestone', '--map', 'Owner='], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: 'Wrote workloads.yaml.\ncsv: 1 row read; workloads: 1 added, 0 updated, 0 unchanged\n', stderr: '' });
    expect(parse(read(root, 'workloads.yaml'))).toEqual({ workloads: [{ id: 'crm', name: 'CRM', milestone: '2027-01-31', 'x-colour': 'red' }] });
  });

  it('--map-file holds the same map; --ignore-unknown-columns leaves the others out and lists them', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  name: X\n', 'team.csv': TEAM_SHEET });
    // Outside the backlog, which would read it as one of its files.
    const map = join(tempDir({ 'map.yaml': '# our CMDB sheet\nApp: id\nApplication name: name\nOwner: owner\nMissing column: notes\n' }), 'map.yaml');
    const result = await runCli(['import', 'csv', 'team.csv', '--map-file', map, '--ignore-unknown-columns'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote workloads.yaml.\ncsv: 1 row read; workloads: 1 added, 0 updated, 0 unchanged\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one): Colour, Go-live\n" +
        '--map: no column `Missing column` in the sheet read\n',
      stderr: '',
    });
    expect(parse(read(root, 'workloads.yaml'))).toEqual({ workloads: [{ id: 'crm', name: 'CRM', owner: 'Ana' }] });
  });

  it('a map kept in backlog.yaml makes the monthly import one command; --map adds to it', async () => {
    const settings = `project:
  name: X
  imports:
    csv:
      columns:
        App: id
        Application name: name
        Colour: x-colour
        Owner:
      date_format: DMY
      ignore_unknown_columns: true
`;
    const root = tempDir({ 'backlog.yaml': settings, 'team.csv': TEAM_SHEET });
    const result = await runCli(['import', 'csv', 'team.csv', '--map', 'Go-live=milestone'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(parse(read(root, 'workloads.yaml'))).toEqual({ workloads: [{ id: 'crm', name: 'CRM', milestone: '2027-01-31', 'x-colour': 'red' }] });
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  it('refuses project import settings that are wrong, as validate does', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  imports:\n    cvs:\n      columns: { A: id }\n' });
    const result = await runCli(['validate', '-f', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { code: string; path: unknown[] }) => [d.code, d.path])).toEqual([['INVALID_VALUE', ['project', 'imports', 'cvs']]]);
  });

  it('refuses a --map without `=`, and a map file that is no mapping (exit 2, nothing written)', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  name: X\n', 'team.csv': TEAM_SHEET, 'maps/map.yml.txt': '- App\n- id\n' });
    const before = snapshot(root);
    expect(await runCli(['import', 'csv', 'team.csv', '--map', 'App'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: "backlog: --map App: write 'Column Name=field' (or 'Column Name=' to leave the column out)\n" });
    expect(await runCli(['import', 'csv', 'team.csv', '--map-file', 'maps/map.yml.txt'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: maps/map.yml.txt: a map file is a mapping of column names to fields, e.g. "Server Name: id"\n' });
    expect(await runCli(['import', 'csv', 'team.csv', '--map-file', 'nowhere.yaml'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: nowhere.yaml: no such file\n' });
    expect(snapshot(root)).toEqual(before);
  });
});

describe('a column map for a source that reads its own columns', () => {
  it('renames a column to one the source knows, and reads another into a field', async () => {
    const root = backlogWith([], { files: { 'vms.csv': 'Name,vCPU,Memory,Cluster,Annotation\r\nAPP11,2,2048,CL-01,Payroll batch\r\n' } });
    const result = await runCli(['import', 'rvtools', 'vms.csv', '--map', 'Name=VM', '--map', 'vCPU=CPUs', '--map', 'Cluster=x-cluster', '--map', 'Annotation=notes'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(server(root, 'APP11')).toEqual({ id: 'APP11', platform: 'vmware', cores: 2, memory_gb: 2, notes: 'Payroll batch', 'x-cluster': 'CL-01' });
  });

  it('a value a mapped field cannot take is refused at its cell', async () => {
    const root = backlogWith([], { files: { 'vms.csv': 'VM,CPUs,Memory,Env\r\nAPP12,2,2048,moon\r\n' } });
    const result = await runCli(['import', 'rvtools', 'vms.csv', '--map', 'Env=environment'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('vms.csv:2, column "Env": `environment` cannot be `moon`: expected production, staging, test, development, dr or mixed');
  });
});
