// `import meg`: the Migration Execution Guide's Digital Estate (workloads) and Workload
// (machines) sheets, by the template's own column names and values (`Mission Critical`,
// `Commercial Off-The-Shelf (COTS)`, `Yes`, `1,200`, serial dates), workloads named by name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogWith, IMPORT_FIXTURES, server } from '../helpers/import-estate.js';
import { runCli } from '../helpers/run-cli.js';
import { read } from '../helpers/temp-dir.js';
import { workbookBytes } from '../helpers/workbook.js';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';

describe('import meg', () => {
  it('reads the Digital Estate and Workload sheets together: workloads, their machines, by name', async () => {
    const root = backlogWith(['meg-digital-estate.csv', 'meg-workload.csv']);
    const result = await runCli(['import', 'meg', 'meg-digital-estate.csv', 'meg-workload.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote workloads.yaml, servers.yaml.\nmeg: 5 rows read; workloads: 1 added, 1 updated, 0 unchanged; servers: 2 added, 1 updated, 0 unchanged\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one): Discovery Date, Redundancy, Servers, Lifecycle, Tooling, Analysis Date, Known Issues, Type, Traffic\n",
      stderr: '',
    });
    const workloads = parse(read(root, 'workloads.yaml')).workloads;
    expect(workloads.find((w: { id: string }) => w.id === 'Payroll')).toEqual({
      id: 'Payroll',
      name: 'Payroll',
      description: 'Monthly payroll run',
      business_unit: 'Finance',
      datacenter: 'AMS1',
      owner: 'Maria Jansen',
      technical_owner: 'Tom de Vries',
      criticality: 'mission-critical',
      priority: 'high',
      strategy: 'rehost',
      environment: 'production',
      app_type: 'cots',
      users: 1200,
      revenue_impacting: true,
      sla: 0.999,
      milestone: '2027-03-31',
      costs: { on_prem_monthly: 4500, cloud_monthly: 2800, migration_one_off: 12000 },
    });
    // "Web shop" is the workload `shop` of the backlog: found by its name, updated in place.
    expect(workloads.find((w: { id: string }) => w.id === 'shop')).toMatchObject({ strategy: 'replatform', milestone: '2026-04-30', revenue_impacting: false, users: 35000 });
    expect(server(root, 'PAY-DB-01')).toEqual({ id: 'PAY-DB-01', workloads: ['Payroll'], hostname: 'PAY DB 01', role: 'Database', os: 'Windows Server 2019 Datacenter', os_family: 'windows', platform: 'vmware', environment: 'production', cores: 8, memory_gb: 64, disk_gb: 1024 });
    expect(server(root, 'WEB01')).toMatchObject({ workloads: ['shop'], os_family: 'linux', role: 'Web' });
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  // Was a bug, kept as a regression test: the template heads two columns `Business Owner` and two `Technical Owner`; the
  // second of each was dropped without a word.
  it('reads the first of two columns of the same field, says the second is left out, and keeps it under a heading of its own', async () => {
    const root = backlogWith(['meg-digital-estate.csv']);
    const [header, payroll] = parseCsv(read(root, 'meg-digital-estate.csv')) as string[][];
    const second = (name: string) => header!.lastIndexOf(name);
    expect([second('Business Owner'), second('Technical Owner')]).toEqual([27, 28]);
    const approved = payroll!.map((cell, i) => (i === second('Business Owner') ? 'Ana Lopez' : i === second('Technical Owner') ? 'Tom de Vries' : cell));
    const csv = (head: readonly string[]) => [head, approved].map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n');
    writeFileSync(join(root, 'approved.csv'), csv(header!));
    const result = await runCli(['import', 'meg', 'approved.csv', '--dry-run'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+    owner: Maria Jansen\n');
    expect(result.stdout).not.toContain('Ana Lopez');
    expect(result.stderr.endsWith('hint: columns 28 (Business Owner) and 29 (Technical Owner) give fields earlier columns give, and are left out; to keep one, give it a heading of its own (an x- heading keeps it as written)\n')).toBe(true);
    // Under an x- heading of its own, the approver is kept as written.
    writeFileSync(join(root, 'approved.csv'), csv(header!.map((name, i) => (i === second('Business Owner') ? 'x-approver' : name))));
    const kept = await runCli(['import', 'meg', 'approved.csv', '--dry-run'], { cwd: root });
    expect(kept.stdout).toContain('+    x-approver: Ana Lopez\n');
    expect(kept.stderr).toContain('hint: column 29 (Technical Owner) gives a field an earlier column gives, and is left out;');
  });

  it("reads the MEG workbook's sheets by their names, and leaves its other sheets", async () => {
    const root = backlogWith([]);
    const rows = (file: string) => parseCsv(readFileSync(join(IMPORT_FIXTURES, file), 'utf8')) as string[][];
    writeFileSync(join(root, 'MEG.xlsx'), await workbookBytes({ '1. Overview': [['Migration Execution Guide']], '8. Digital Estate': rows('meg-digital-estate.csv'), '8. Workload': rows('meg-workload.csv'), '8. Wave': [['Wave Number', 'Workload', 'Machine'], [1, 'Payroll', 'PAYAPP01']] }));
    const result = await runCli(['import', 'meg', 'MEG.xlsx'], { cwd: root });
    expect(result.stdout.split('\n')[1]).toBe('meg: 5 rows read (MEG.xlsx: sheets 8. Digital Estate, 8. Workload); workloads: 1 added, 1 updated, 0 unchanged; servers: 2 added, 1 updated, 0 unchanged');
  });

  it('refuses a sheet that is none of those it reads (exit 2)', async () => {
    const root = backlogWith([], { files: { 'checklist.csv': 'Phase,Topic,Item,Status\r\n1. Assess,Tooling,Set up Azure Migrate,Open\r\n' } });
    expect(await runCli(['import', 'meg', 'checklist.csv'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: checklist.csv is none of the MEG sheets this import reads (Digital Estate, Workload, Risk Register)\nhint: name the sheet with --sheet, or map its columns and import it with `import csv`\n',
    });
  });
});
