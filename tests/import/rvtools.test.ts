// `backlog import rvtools`: the vInfo sheet of an RVTools export saved as CSV. RVTools 4.x writes
// `Provisioned MiB`, older versions `Provisioned MB`; templates and SRM placeholders are no servers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { read } from '../helpers/temp-dir.js';
import { backlogWith, IMPORT_FIXTURES, importGolden, server, serversOf } from '../helpers/import-estate.js';

// vInfo's columns with values that the backlog has no field for are named, not dropped unsaid.
const SUMMARY = `rvtools: 5 rows read; servers: 2 added, 1 updated, 0 unchanged
skipped 2 rows:
       1  a VM template
       1  an SRM placeholder
columns left out (no field of the backlog; --map 'NAME=field' keeps one): Powerstate, Config status, Connection state, Guest state, Heartbeat, NICs, Disks, Total disk capacity MiB, Network #1, In Use MiB, Unshared MiB, Annotation, Datacenter, Cluster, Host, OS according to the VMware Tools, VM ID, VM UUID, VI SDK Server
`;

describe('import rvtools', () => {
  it('the fixtures have the two header generations', () => {
    expect(read(IMPORT_FIXTURES, 'rvtools-vInfo.csv').split('\r\n')[0]).toMatch(/^\uFEFFVM,Powerstate,Template,SRM Placeholder,.*,Provisioned MiB,In Use MiB,/);
    expect(read(IMPORT_FIXTURES, 'rvtools-vInfo.older.csv').split('\r\n')[0]).toMatch(/^VM,Powerstate,Template,DNS Name,.*,Provisioned MB,In Use MB,/);
  });

  it('imports vInfo: templates and SRM placeholders skipped, MiB to GB, the DNS name as host name', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    const before = read(root, 'servers.yaml');
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: `Wrote servers.yaml.\n${SUMMARY}`, stderr: '' });

    expect(server(root, 'WEB01')).toEqual({
      id: 'WEB01',
      workloads: ['shop'],
      hostname: 'web01.fabrikam.local',
      cores: 4,
      memory_gb: 16,
      ips: ['10.1.0.11'],
      notes: 'Behind the F5 pair.',
      'x-rack': 'R12',
      platform: 'vmware',
      disk_gb: 123, // 125,952 MiB provisioned
      os: 'Microsoft Windows Server 2019 (64-bit)',
      os_family: 'windows',
    });
    // Powered off is still a server; no DNS name and a plain VM name: no host name.
    expect(server(root, 'APP03')).toEqual({ id: 'APP03', os: 'Red Hat Enterprise Linux 8 (64-bit)', os_family: 'linux', platform: 'vmware', cores: 2, memory_gb: 6, disk_gb: 40 });
    // A VM name that is no id; its DNS name is the host name; the IPv6 zone suffix dropped.
    expect(server(root, 'Mail-Relay-old')).toEqual({
      id: 'Mail-Relay-old',
      hostname: 'relay01.fabrikam.local',
      os: 'Other 3.x or later Linux (64-bit)',
      os_family: 'linux',
      platform: 'vmware',
      cores: 1,
      memory_gb: 2,
      disk_gb: 20,
      ips: ['10.1.0.61', 'fe80::250:56ff:fe9a:1'],
    });
    expect(serversOf(root).map((s) => s.id)).not.toContain('tpl-win2019');
    expect(serversOf(root).map((s) => s.id)).not.toContain('WEB01-DR');
    const after = read(root, 'servers.yaml');
    for (const line of before.split('\n').filter((l) => l.includes('#'))) expect(after).toContain(line);
    await expect(after).toMatchFileSnapshot(importGolden('servers.after-rvtools.yaml'));
  });

  it('changes nothing when the same export is imported again', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    const first = read(root, 'servers.yaml');
    const again = await runCli(['import', 'rvtools', 'rvtools-vInfo.csv'], { cwd: root });
    expect(again).toEqual({ code: 0, stdout: `Nothing to change.\n${SUMMARY.replace('2 added, 1 updated, 0 unchanged', '0 added, 0 updated, 3 unchanged')}`, stderr: '' });
    expect(read(root, 'servers.yaml')).toBe(first);
  });

  it('reads an older export with `Provisioned MB`', async () => {
    const root = backlogWith(['rvtools-vInfo.older.csv']);
    const result = await runCli(['import', 'rvtools', 'rvtools-vInfo.older.csv'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: "Wrote servers.yaml.\nrvtools: 2 rows read; servers: 1 added, 1 updated, 0 unchanged\ncolumns left out (no field of the backlog; --map 'NAME=field' keeps one): Powerstate, NICs, Disks, In Use MB, Unshared MB\n", stderr: '' });
    expect(server(root, 'WEB01')).toMatchObject({ cores: 4, memory_gb: 16, disk_gb: 100, platform: 'vmware' });
    // "8,192" MiB of memory, with a thousands separator.
    expect(server(root, 'FILE01')).toMatchObject({ os: 'Microsoft Windows Server 2012 R2 (64-bit)', os_family: 'windows', cores: 2, memory_gb: 8, ips: ['10.1.0.71'] });
  });

  // Was a bug, kept as a regression test: numbers with more than one thousands separator are not read: values.numberOf turns
  // "1,048,576" into "1048,576" (the global replace consumes the digit the next group needs),
  // so the server gets no disk_gb at all.
  it('reads "1,048,576" MB provisioned as 1024 GB', async () => {
    const root = backlogWith(['rvtools-vInfo.older.csv']);
    await runCli(['import', 'rvtools', 'rvtools-vInfo.older.csv'], { cwd: root });
    expect(server(root, 'FILE01')).toMatchObject({ disk_gb: 1024 });
  });

  it("skips vSphere's cluster service VMs (vCLS), which vSphere makes on each cluster itself", async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'vinfo.csv'), 'VM,CPUs,Memory\r\nvCLS (1),1,128\r\nvCLS-4c4c4544-0042-3010-8050-b4c04f4d4e32,1,128\r\nvCLSmith,2,4096\r\n');
    expect(await runCli(['import', 'rvtools', 'vinfo.csv'], { cwd: root })).toEqual({
      code: 0,
      stdout: 'Wrote servers.yaml.\nrvtools: 3 rows read; servers: 1 added, 0 updated, 0 unchanged\nskipped 2 rows:\n       2  a vSphere cluster service VM (vCLS)\n',
      stderr: '',
    });
    expect(server(root, 'vCLSmith')).toMatchObject({ cores: 2, memory_gb: 4 });
  });

  // Was a bug, kept as a regression test: `2.097.152` (a locale's thousands separator) left the server without a disk size,
  // and the import said nothing.
  it('refuses a figure it cannot read as a number, at its row and column, and writes nothing', async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'vinfo.csv'), 'VM,CPUs,Memory,Provisioned MiB\r\nFS01,4,8192,2.097.152\r\nWEB01,two,8192,1024\r\n');
    const before = read(root, 'servers.yaml');
    expect(await runCli(['import', 'rvtools', 'vinfo.csv'], { cwd: root })).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'vinfo.csv:2, column "Provisioned MiB": `disk_gb` must be a number, not `2.097.152`\n' +
        'vinfo.csv:3, column "CPUs": `cores` must be a number, not `two`\n' +
        'backlog: the import was refused (2 values it cannot take); nothing was written\n' +
        'rvtools: 2 rows read; nothing was written\n',
    });
    expect(read(root, 'servers.yaml')).toBe(before);
  });

  it.each(['VM', 'CPUs', 'Memory'])('refuses a vInfo sheet without the required `%s` column (exit 2)', async (column) => {
    const root = backlogWith([]);
    const header = ['VM', 'Powerstate', 'CPUs', 'Memory', 'Primary IP Address'];
    const kept = header.filter((c) => c !== column);
    writeFileSync(join(root, 'vinfo.csv'), `${kept.join(',')}\r\n${kept.map((c) => ({ VM: 'WEB01', Powerstate: 'poweredOn', CPUs: '4', Memory: '8192', 'Primary IP Address': '10.1.0.11' })[c]).join(',')}\r\n`);
    const before = read(root, 'servers.yaml');
    const result = await runCli(['import', 'rvtools', 'vinfo.csv'], { cwd: root });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `backlog: vinfo.csv has no \`${column}\` column, which this import needs\nhint: its columns are: ${kept.join(', ')}\n` });
    expect(read(root, 'servers.yaml')).toBe(before);
  });

  it('says clearly that a damaged workbook cannot be read (exit 2)', async () => {
    const root = backlogWith([]);
    writeFileSync(join(root, 'RVTools_export_all.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]));
    const result = await runCli(['import', 'rvtools', 'RVTools_export_all.xlsx'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^backlog: RVTools_export_all\.xlsx is not an Excel workbook this import can read: .*\nhint: save it from the spreadsheet as \.xlsx \(Excel workbook\), or as CSV\n$/);
  });

  it('says that an Excel 97-2003 workbook must be saved as .xlsx or CSV (exit 2)', async () => {
    const root = backlogWith([], { files: {} });
    writeFileSync(join(root, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await runCli(['import', 'rvtools', 'old.xls'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: old.xls is an Excel 97-2003 workbook (.xls), which this import cannot read\nhint: save it as .xlsx (Excel workbook) or as CSV\n',
    });
  });

  it('reads an export saved as UTF-16 "Unicode text"', async () => {
    const root = backlogWith([]);
    const text = 'VM,CPUs,Memory,DNS Name\r\nAPP09,2,4096,app09.fabrikam.local\r\n';
    writeFileSync(join(root, 'vinfo-utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await runCli(['import', 'rvtools', 'vinfo-utf16.csv'], { cwd: root });
    expect(result.code).toBe(0);
    expect(server(root, 'APP09')).toEqual({ id: 'APP09', hostname: 'app09.fabrikam.local', platform: 'vmware', cores: 2, memory_gb: 4 });
  });

  it('says which file is missing', async () => {
    const root = backlogWith([]);
    expect(await runCli(['import', 'rvtools', 'nowhere.csv'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: nowhere.csv: no such file\n' });
    mkdirSync(join(root, 'exports'));
    expect(await runCli(['import', 'rvtools', 'exports'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: exports is a folder: name the exported file in it\n' });
  });
});
