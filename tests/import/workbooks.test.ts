// Workbooks (.xlsx) in: the sheet found by the source's sheet names (or --sheet), cells read as
// what they are — numbers, booleans, dates, a formula's saved value, text with its leading
// zeros — and a formula with no saved value refused where it stands, nothing written.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogWith, server } from '../helpers/import-estate.js';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot } from '../helpers/temp-dir.js';
import { workbookBytes } from '../helpers/workbook.js';

const VINFO_HEADER = ['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'Primary IP Address', 'DNS Name', 'OS according to the configuration file'];

describe('import rvtools from the workbook RVTools writes', () => {
  it('reads the vInfo sheet whatever sheets come before it, numbers, booleans and formulas as their values', async () => {
    const root = backlogWith([]);
    writeFileSync(
      join(root, 'RVTools_export_all.xlsx'),
      await workbookBytes({
        vHost: [['Host', 'CPUs'], ['esx01', 64]],
        vInfo: [
          VINFO_HEADER,
          ['APP07', 'poweredOn', false, { formula: '2*2', result: 4 }, 8192, 40960, '10.1.0.70', 'app07.fabrikam.local', 'Microsoft Windows Server 2019 (64-bit)'],
          ['TPL-W2019', 'poweredOff', true, 2, 4096, 40960, '', '', 'Microsoft Windows Server 2019 (64-bit)'],
        ],
      }),
    );
    const result = await runCli(['import', 'rvtools', 'RVTools_export_all.xlsx'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote servers.yaml.\nrvtools: 2 rows read (RVTools_export_all.xlsx: sheet vInfo); servers: 1 added, 0 updated, 0 unchanged\nskipped 1 row:\n       1  a VM template\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one): Powerstate\n",
      stderr: '',
    });
    expect(server(root, 'APP07')).toEqual({
      id: 'APP07',
      hostname: 'app07.fabrikam.local',
      os: 'Microsoft Windows Server 2019 (64-bit)',
      os_family: 'windows',
      platform: 'vmware',
      cores: 4,
      memory_gb: 8,
      disk_gb: 40,
      ips: ['10.1.0.70'],
    });
  });

  it('refuses a formula with no saved value, at its sheet, row and column, and writes nothing', async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'vms.xlsx'), await workbookBytes({ vInfo: [VINFO_HEADER, ['APP07', 'poweredOn', false, { formula: 'B7*2' }, 8192, 40960, '', '', 'Ubuntu']] }));
    const before = snapshot(root);
    const result = await runCli(['import', 'rvtools', 'vms.xlsx'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'vms.xlsx, sheet vInfo, row 2, column "CPUs": a formula with no saved value: open the workbook in a spreadsheet program and save it, so that its values are computed\n' +
        'backlog: the import was refused (1 value it cannot take); nothing was written\n' +
        'rvtools: 1 row read (vms.xlsx: sheet vInfo); nothing was written\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one): Powerstate\n",
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('--sheet names the sheet; a sheet that is not there is a usage error listing the sheets', async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'vms.xlsx'), await workbookBytes({ Summary: [['Note'], ['exported']], 'My VMs': [VINFO_HEADER, ['APP08', 'poweredOn', false, 2, 2048, 10240, '', '', 'Ubuntu']] }));
    expect((await runCli(['import', 'rvtools', 'vms.xlsx', '--sheet', 'my vms'], { cwd: root })).code).toBe(0);
    expect(server(root, 'APP08')).toMatchObject({ cores: 2, memory_gb: 2 });
    expect(await runCli(['import', 'rvtools', 'vms.xlsx', '--sheet', 'vInfo'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: vms.xlsx: no sheet named `vInfo`; its sheets are: Summary, My VMs\nhint: name the sheet to read with --sheet NAME\n',
    });
  });

  it('finds a sheet by its columns when no sheet has a name the source knows', async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'vms.xlsx'), await workbookBytes({ Summary: [['Note'], ['exported']], 'My VMs': [VINFO_HEADER, ['APP09', 'poweredOn', false, 1, 1024, 10240, '', '', 'Ubuntu']] }));
    const result = await runCli(['import', 'rvtools', 'vms.xlsx'], { cwd: root });
    expect(result.stdout).toContain('rvtools: 1 row read (vms.xlsx: sheet My VMs); servers: 1 added');
  });
});

describe('import csv from a workbook', () => {
  it('reads dates, serial dates, booleans, numbers and text with leading zeros as what they are', async () => {
    const root = backlogWith([]);
    writeFileSync(
      join(root, 'book.xlsx'),
      await workbookBytes({
        workloads: [
          ['Workload ID', 'Workload', 'Business Owner', 'Milestone', 'Revenue Impacting', 'Users', 'x-cmdb', 'x-flag'],
          ['0012', '0042', 'Ana', new Date(Date.UTC(2027, 2, 31)), true, 1200, '0007', true],
          ['badge', 'Badge readers', 'Ben', 46142, 'No', '1,500', 7, 'TRUE'],
        ],
      }),
    );
    const result = await runCli(['import', 'csv', 'book.xlsx'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Wrote workloads.yaml.\ncsv: 2 rows read (book.xlsx: sheet workloads); workloads: 2 added, 0 updated, 0 unchanged\n');
    expect(parse(read(root, 'workloads.yaml')).workloads.slice(-2)).toEqual([
      { id: '0012', name: '0042', owner: 'Ana', revenue_impacting: true, users: 1200, milestone: '2027-03-31', 'x-cmdb': '0007', 'x-flag': true },
      { id: 'badge', name: 'Badge readers', owner: 'Ben', revenue_impacting: false, users: 1500, milestone: '2026-04-30', 'x-cmdb': 7, 'x-flag': 'TRUE' },
    ]);
  });
});
