// `backlog import azure-migrate-dependencies`: the agentless dependency export of Azure Migrate,
// with the quirks of real exports (byte-order marks at the start and mid-file where daily exports
// were pasted together, a repeated header row, CRLF, `Time slot` or `Timeslot`, no `Source IP`,
// extra VLAN columns, IPv6 with zone suffixes, empty destination names). The fixtures in
// tests/fixtures/imports/ are written in those shapes; the backlog is tests/fixtures/imports/estate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { read } from '../helpers/temp-dir.js';
import { backlogWith, IMPORT_FIXTURES, importGolden } from '../helpers/import-estate.js';

const BOM = '\uFEFF';

interface Edge {
  id?: string;
  from: string;
  to: string;
  port?: number;
  protocol?: string;
  kind?: string;
  classification?: string;
  description?: string;
  'x-observed'?: string;
  [field: string]: unknown;
}

const edgesOf = (root: string, path = 'dependencies.yaml'): Edge[] => (parse(read(root, path)) as { dependencies: Edge[] }).dependencies;

const SUMMARY = `azure-migrate-dependencies: 21 rows read; dependencies: 8 added, 1 updated, 0 unchanged
skipped 8 rows:
       3  loopback or link-local address
       1  destination not in the backlog (an internal address)
       1  source server not in the backlog
       1  a server talking to itself
       1  no source server name
       1  no destination port
`;

describe('the dependency export fixture', () => {
  it('has the quirks of the real exports', () => {
    const text = read(IMPORT_FIXTURES, 'azure-migrate-dependencies.csv');
    const lines = text.split('\r\n');
    // A byte-order mark at the start, before a repeated header row, and before a data row.
    expect(text.startsWith(`${BOM}Time slot,Source server name,Source IP,`)).toBe(true);
    expect(lines.filter((line) => line.startsWith(`${BOM}Time slot,`))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith(`${BOM}6/3/2026`))).toHaveLength(1);
    expect(lines[0]!.endsWith('Destination port,Source VLAN,Destination VLAN')).toBe(true);
    expect(text).toContain('fe80::28b8:60da:fe51:7378%3');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(read(IMPORT_FIXTURES, 'azure-migrate-dependencies.timeslot.csv').startsWith('Timeslot,Source server name,Source application,')).toBe(true);
  });
});

describe('import azure-migrate-dependencies', () => {
  it('aggregates rows into one observed edge per source, destination and port, resolved and classified', async () => {
    const root = backlogWith(['azure-migrate-dependencies.csv']);
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.csv'], { cwd: root });
    expect(result).toEqual({ code: 0, stdout: `Wrote dependencies.yaml.\n${SUMMARY}`, stderr: '' });

    const edges = edgesOf(root).map((e) => [e.from, e.to, e.port, e.protocol, e.kind, e.classification, e['x-observed']]);
    const seen = (rows: number, processes: string) => `observed in ${rows} ${rows === 1 ? 'row' : 'rows'} of the Azure Migrate dependency export: ${processes}`;
    expect(edges).toEqual([
      // The edge a person wrote: two named rows and one by IP (10.1.0.22, SQL01's second address),
      // the source once written as its FQDN. Kind and classification stay the person's.
      ['server:WEB01', 'server:SQL01', 1433, 'tcp', 'declared', 'app', seen(3, 'w3wp.exe → sqlservr.exe, w3wp.exe')],
      // Destination names empty: resolved by IP against the servers' `ips`; infrastructure ports.
      ['server:WEB01', 'server:DC01', 53, 'tcp', 'observed', 'shared-infra', seen(2, 'svchost.exe')],
      ['server:WEB01', 'server:DC01', 88, 'tcp', 'observed', 'shared-infra', seen(1, 'lsass.exe')],
      // An unknown public address is outside the estate.
      ['server:WEB01', 'external:52.168.10.20', 443, 'tcp', 'observed', 'external', seen(2, 'w3wp.exe')],
      // The destination name in another case.
      ['server:BILL01', 'server:SQL01', 1433, 'tcp', 'observed', 'app', seen(1, 'java.exe')],
      // A dynamic port (49152 and up) is noise.
      ['server:BILL01', 'server:WEB01', 49832, 'tcp', 'observed', 'noise', seen(1, 'java.exe')],
      // No source name: the source found by its IP.
      ['server:BILL01', 'server:DC01', 389, 'tcp', 'observed', 'shared-infra', seen(1, 'lsass.exe')],
      // An IPv6 destination resolved against DC01's `ips`.
      ['server:WEB01', 'server:DC01', 445, 'tcp', 'observed', 'shared-infra', seen(1, 'System')],
      // Rows after the second pasted export (its mark in front of a data row) count too.
      ['server:BILL01', 'server:DC01', 3389, 'tcp', 'observed', 'shared-infra', seen(1, 'mstsc.exe')],
    ]);
    // Comments above, inside and after the list are kept; the new edges are written like people write them.
    await expect(read(root, 'dependencies.yaml')).toMatchFileSnapshot(importGolden('dependencies.after-azure-migrate.yaml'));
    expect(await runCli(['validate'], { cwd: root })).toMatchObject({ code: 0, stdout: '✔ no problems (4 files, 16 entities)\n' });
  });

  it('changes nothing when the same export is imported again', async () => {
    const root = backlogWith(['azure-migrate-dependencies.csv']);
    await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.csv'], { cwd: root });
    const first = read(root, 'dependencies.yaml');
    const again = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.csv'], { cwd: root });
    expect(again).toEqual({
      code: 0,
      stdout: `Nothing to change.\n${SUMMARY.replace('8 added, 1 updated, 0 unchanged', '0 added, 0 updated, 9 unchanged')}`,
      stderr: '',
    });
    expect(read(root, 'dependencies.yaml')).toBe(first);
  });

  it('reads the documented shape: `Timeslot`, no `Source IP`, LF line ends, no byte-order mark', async () => {
    const root = backlogWith(['azure-migrate-dependencies.timeslot.csv']);
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.timeslot.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: `Wrote dependencies.yaml.
azure-migrate-dependencies: 4 rows read; dependencies: 1 added, 1 updated, 0 unchanged
skipped 1 row:
       1  source server not in the backlog
`,
      stderr: '',
    });
    expect(edgesOf(root).map((e) => [e.from, e.to, e.port, e.kind, e.classification, e['x-observed']])).toEqual([
      ['server:WEB01', 'server:SQL01', 1433, 'declared', 'app', 'observed in 2 rows of the Azure Migrate dependency export: w3wp.exe → sqlservr.exe'],
      // `SQL01.fabrikam.local` is SQL01 by its short name.
      ['server:BILL01', 'server:SQL01', 1433, 'observed', 'app', 'observed in 1 row of the Azure Migrate dependency export: java.exe → sqlservr.exe'],
    ]);
  });

  it('needs only the required columns, whatever their case; the optional ones may be missing', async () => {
    const root = backlogWith(['azure-migrate-dependencies.required-only.csv']);
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.required-only.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote dependencies.yaml.\nazure-migrate-dependencies: 2 rows read; dependencies: 1 added, 1 updated, 0 unchanged\n',
      stderr: '',
    });
    expect(edgesOf(root).map((e) => [e.from, e.to, e.port, e.classification, e['x-observed']])).toEqual([
      ['server:WEB01', 'server:SQL01', 1433, 'app', 'observed in 1 row of the Azure Migrate dependency export'],
      ['server:WEB01', 'external:203.0.113.80', 443, 'external', 'observed in 1 row of the Azure Migrate dependency export'],
    ]);
  });

  it('ignores columns it does not know (the new experience adds ARM ids and a connection count)', async () => {
    const root = backlogWith([]);
    writeFileSync(
      join(root, 'new-experience.csv'),
      `${BOM}Date,Source Appliance Name,Source Machine ARM ID,Source Server Name,Source IP,Source Application,Source Process,Destination Machine ARM ID,Destination Server Name,Destination IP,Destination Application,Destination Process,Destination Port,Connection Count\r\n` +
        '2026-07-01,fabrikam-app01,/subscriptions/x/machines/web01,WEB01,10.1.0.11,IIS,w3wp.exe,/subscriptions/x/machines/bill01,BILL01,10.1.0.31,Tomcat,java.exe,8443,17\r\n',
    );
    const result = await runCli(['import', 'azure-migrate-dependencies', 'new-experience.csv'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 row read; dependencies: 1 added, 0 updated, 0 unchanged');
    expect(edgesOf(root).at(-1)).toMatchObject({ from: 'server:WEB01', to: 'server:BILL01', port: 8443, kind: 'observed', classification: 'app' });
  });

  it.each([
    ['Source server name', 1],
    ['Destination server name', 5],
    ['Destination IP', 6],
    ['Destination port', 9],
  ])('refuses an export without the required `%s` column (exit 2, the column named), writing nothing', async (column, index) => {
    const root = backlogWith([]);
    const header = 'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port';
    const dropped = (line: string) => line.split(',').filter((_, i) => i !== index).join(',');
    writeFileSync(join(root, 'deps.csv'), `${[header, '6/1/2026 0:00-6:00,WEB01,10.1.0.11,IIS,w3wp.exe,SQL01,10.1.0.21,SQL,sqlservr.exe,1433'].map(dropped).join('\r\n')}\r\n`);
    const before = read(root, 'dependencies.yaml');
    const result = await runCli(['import', 'azure-migrate-dependencies', 'deps.csv'], { cwd: root });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `backlog: deps.csv has no \`${column}\` column, which this import needs\nhint: its columns are: ${dropped(header).split(',').join(', ')}\n`,
    });
    expect(read(root, 'dependencies.yaml')).toBe(before);
  });

  it('the shipped fixture without `Destination port` is refused the same way', async () => {
    const root = backlogWith(['azure-migrate-dependencies.no-port.csv']);
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.no-port.csv'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^backlog: azure-migrate-dependencies\.no-port\.csv has no `Destination port` column, which this import needs\n/);
  });

  it('re-importing a newer export updates what the export saw and keeps what a person decided', async () => {
    const root = backlogWith(['azure-migrate-dependencies.csv', 'azure-migrate-dependencies.newer.csv']);
    await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.csv'], { cwd: root });
    // A person reviews the DNS edge: it is how the shop finds its partner, so an app edge, declared.
    const imported = read(root, 'dependencies.yaml');
    const reviewed = imported.replace(
      '  - from: server:WEB01\n    to: server:DC01\n    port: 53\n    protocol: tcp\n    kind: observed\n    classification: shared-infra\n',
      '  # Ana: conditional forwarder for the partner zone lives on DC01 (CHG-2231).\n  - from: server:WEB01\n    to: server:DC01\n    port: 53\n    protocol: tcp\n    kind: declared # confirmed with the owner\n    classification: app\n    description: Partner zone lookups\n    notes: Move together with the shop.\n    x-firewall-rule: FW-0042\n',
    );
    expect(reviewed).not.toBe(imported);
    writeFileSync(join(root, 'dependencies.yaml'), reviewed);

    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.newer.csv'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote dependencies.yaml.\nazure-migrate-dependencies: 7 rows read; dependencies: 1 added, 2 updated, 1 unchanged\n',
      stderr: '',
    });
    const after = read(root, 'dependencies.yaml');
    const dns = edgesOf(root).find((e) => e.to === 'server:DC01' && e.port === 53);
    expect(dns).toEqual({
      from: 'server:WEB01',
      to: 'server:DC01',
      port: 53,
      protocol: 'tcp',
      kind: 'declared',
      classification: 'app',
      description: 'Partner zone lookups',
      notes: 'Move together with the shop.',
      'x-firewall-rule': 'FW-0042',
      'x-observed': 'observed in 3 rows of the Azure Migrate dependency export: svchost.exe',
    });
    expect(edgesOf(root).at(-1)).toEqual({
      from: 'server:BILL01',
      to: 'server:WEB01',
      port: 8443,
      protocol: 'tcp',
      kind: 'observed',
      classification: 'app',
      'x-observed': 'observed in 1 row of the Azure Migrate dependency export: java.exe',
    });
    // Only x-observed lines changed and one edge was added: every other line, comments included, is kept.
    const removed = reviewed.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed).toEqual([
      '    x-observed: "observed in 3 rows of the Azure Migrate dependency export: w3wp.exe → sqlservr.exe, w3wp.exe"',
      '    x-observed: "observed in 2 rows of the Azure Migrate dependency export: svchost.exe"',
    ]);
    for (const line of reviewed.split('\n').filter((l) => l.includes('#'))) expect(after).toContain(line);
  });

  it('--dry-run prints the unified diff and the summary, and writes nothing', async () => {
    const root = backlogWith(['azure-migrate-dependencies.timeslot.csv']);
    const before = read(root, 'dependencies.yaml');
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.timeslot.csv', '--dry-run'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`--- a/dependencies.yaml
+++ b/dependencies.yaml
@@ -8,4 +8,12 @@
     kind: declared
     classification: app
     description: Orders and catalogue
+    x-observed: "observed in 2 rows of the Azure Migrate dependency export: w3wp.exe → sqlservr.exe"
+  - from: server:BILL01
+    to: server:SQL01
+    port: 1433
+    protocol: tcp
+    kind: observed
+    classification: app
+    x-observed: "observed in 1 row of the Azure Migrate dependency export: java.exe → sqlservr.exe"
 # Imported edges follow.
`);
    expect(result.stderr).toBe(`backlog: dry run: 1 file would change, nothing was written
azure-migrate-dependencies: 4 rows read; dependencies: 1 added, 1 updated, 0 unchanged
skipped 1 row:
       1  source server not in the backlog
`);
    expect(read(root, 'dependencies.yaml')).toBe(before);
  });

  it('puts new edges into the --into file and updates existing ones where they are', async () => {
    const root = backlogWith(['azure-migrate-dependencies.timeslot.csv']);
    const result = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.timeslot.csv', '--into', 'observed.yaml'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Wrote dependencies.yaml, observed.yaml.');
    expect(edgesOf(root)).toHaveLength(1);
    expect(read(root, 'observed.yaml')).toBe(`dependencies:
  - from: server:BILL01
    to: server:SQL01
    port: 1433
    protocol: tcp
    kind: observed
    classification: app
    x-observed: "observed in 1 row of the Azure Migrate dependency export: java.exe → sqlservr.exe"
`);
  });

  it('on a copy of examples/contoso: adds observed edges that `backlog graph` shows, and a second import changes nothing', async () => {
    const root = backlogWith(['contoso-dependencies.csv'], { from: join(import.meta.dirname, '..', '..', 'examples', 'contoso') });
    const summary = (added: number, unchanged: number) => `azure-migrate-dependencies: 14 rows read; dependencies: ${added} added, 0 updated, ${unchanged} unchanged
skipped 2 rows:
       2  loopback or link-local address
`;
    const first = await runCli(['import', 'azure-migrate-dependencies', 'contoso-dependencies.csv'], { cwd: root });
    expect(first).toEqual({ code: 0, stdout: `Wrote dependencies.yaml.\n${summary(6, 0)}`, stderr: '' });
    const graph = JSON.parse((await runCli(['graph', '-f', 'json', '--level', 'server', '--all-edges', '--externals', 'all'], { cwd: root })).stdout) as { edges: Array<{ from: string; to: string; classification: string }> };
    const touching = graph.edges.filter((e) => /wiki01|fleet01|lmsapp01|print01/.test(e.from)).map((e) => `${e.from} -> ${e.to} ${e.classification}`);
    expect(touching).toEqual(
      expect.arrayContaining([
        'server:fleet01 -> server:tmsdb01 app',
        'server:lmsapp01 -> server:sqlshr01 app',
        'server:wiki01 -> server:wikidb01 app',
        'server:wiki01 -> server:dc01 shared-infra',
        'server:wiki01 -> external:140.82.112.3 external',
        'server:print01 -> server:smtp01 app',
      ]),
    );
    const workloadGraph = await runCli(['graph', '--focus', 'kb-wiki'], { cwd: root });
    expect(workloadGraph.stdout).toContain('(["140.82.112.3"])');
    const written = read(root, 'dependencies.yaml');
    const second = await runCli(['import', 'azure-migrate-dependencies', 'contoso-dependencies.csv'], { cwd: root });
    expect(second).toEqual({ code: 0, stdout: `Nothing to change.\n${summary(0, 6)}`, stderr: '' });
    expect(read(root, 'dependencies.yaml')).toBe(written);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  // Was a bug, kept as a regression test: an unknown public IPv6 destination becomes `to: external:2603:1030:20e:3::23c`, which is
  // no valid reference (`external:NAME` allows no `:`): the import is refused with INVALID_VALUE,
  // so one IPv6 row stops the whole export from being imported.
  it('imports an edge to an unknown public IPv6 address as an external dependency', async () => {
    const root = backlogWith([]);
    writeFileSync(
      join(root, 'v6.csv'),
      'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\r\n' +
        '6/1/2026 0:00-6:00,WEB01,10.1.0.11,,svchost.exe,,2603:1030:20e:3::23c%7,,Unknown process,443\r\n',
    );
    const result = await runCli(['import', 'azure-migrate-dependencies', 'v6.csv'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(edgesOf(root).at(-1)).toMatchObject({ from: 'server:WEB01', port: 443, kind: 'observed', classification: 'external' });
    expect(edgesOf(root).at(-1)!.to).toMatch(/^external:/);
    expect((await runCli(['validate'], { cwd: root })).code).toBe(0);
  });

  // Was a bug (minor), kept as a regression test: an IPv4-mapped IPv6 address (`::ffff:10.1.0.21`, as dual-stack sockets report
  // IPv4 peers) is not matched against the servers' IPv4 `ips`; SQL01 is taken for an unknown
  // public address (and then hits the bug above).
  it('resolves an IPv4-mapped IPv6 destination to the server with that IPv4 address', async () => {
    const root = backlogWith([]);
    writeFileSync(
      join(root, 'mapped.csv'),
      'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\r\n' +
        '6/1/2026 0:00-6:00,BILL01,10.1.0.31,,java.exe,,::ffff:10.1.0.21,,Unknown process,1433\r\n',
    );
    const result = await runCli(['import', 'azure-migrate-dependencies', 'mapped.csv'], { cwd: root });
    expect(result.code).toBe(0);
    expect(edgesOf(root).at(-1)).toMatchObject({ from: 'server:BILL01', to: 'server:SQL01', port: 1433, classification: 'app' });
  });

  // Was a bug, kept as a regression test: an edge a person has given an `id` is no longer recognised (merge matches id-less edges by
  // from/to/port/protocol and edges with an id only by id), so the next import adds a copy of it.
  it('recognises an imported edge after a person gave it an id (no second copy)', async () => {
    const root = backlogWith(['azure-migrate-dependencies.timeslot.csv']);
    await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.timeslot.csv'], { cwd: root });
    writeFileSync(join(root, 'dependencies.yaml'), read(root, 'dependencies.yaml').replace('  - from: server:BILL01\n', '  - id: billing-db\n    from: server:BILL01\n'));
    const named = read(root, 'dependencies.yaml');
    const again = await runCli(['import', 'azure-migrate-dependencies', 'azure-migrate-dependencies.timeslot.csv'], { cwd: root });
    expect(again.stdout).toContain('dependencies: 0 added, 0 updated, 2 unchanged');
    expect(read(root, 'dependencies.yaml')).toBe(named);
  });

  // Was a bug, kept as a regression test: the export has one edge per (source, destination, port), but the merge also keys on the
  // protocol, which the import always writes as `tcp`. Contoso's observed edges carry the protocol
  // people refined (`sftp`, `https`, `smb`), so re-importing the export they came from adds a
  // second, `tcp` copy of each.
  it('merges a row into an observed edge whose protocol a person refined (contoso ERPAPP01 -> PAYAPP01:22/sftp)', async () => {
    const root = backlogWith([], { from: join(import.meta.dirname, '..', '..', 'examples', 'contoso') });
    writeFileSync(
      join(root, 'erp.csv'),
      'Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\r\n' +
        '8/1/2026 0:00-6:00,ERPAPP01,10.20.30.11,,sftp.exe,,10.20.21.11,,Unknown process,22\r\n',
    );
    const result = await runCli(['import', 'azure-migrate-dependencies', 'erp.csv'], { cwd: root });
    expect(result.stdout).toContain('dependencies: 0 added, 1 updated, 0 unchanged');
    expect(edgesOf(root).filter((e) => e.from === 'server:ERPAPP01' && e.to === 'server:PAYAPP01' && e.port === 22)).toHaveLength(1);
  });
});

describe('dependencies before servers', () => {
  const EXPORT = `${BOM}Time slot,Source server name,Source IP,Source application,Source process,Destination server name,Destination IP,Destination application,Destination process,Destination port\r
1/31/2025 18:00-0:00,app1,10.9.0.1,,svc.exe,db1,10.9.0.2,,sqlservr.exe,1433\r
1/31/2025 18:00-0:00,app1,10.9.0.1,,svc.exe,,10.9.0.2,,sqlservr.exe,1433\r
1/31/2025 18:00-0:00,app1,10.9.0.1,,svc.exe,,40.83.247.108,,Unknown process,443\r
1/31/2025 18:00-0:00,app2.fabrikam.local,10.9.0.3,,w3wp.exe,app1,10.9.0.1,,svc.exe,8080\r
1/31/2025 18:00-0:00,app2.fabrikam.local,fe80::1%3,,System,,fe80::2%3,,Unknown process,49152\r
`;

  it('says to import the servers first, or to add them, when most rows name servers the backlog does not have', async () => {
    const root = backlogWith([], { files: { 'deps.csv': EXPORT } });
    expect(await runCli(['import', 'azure-migrate-dependencies', 'deps.csv'], { cwd: root })).toEqual({
      code: 0,
      stdout:
        'Nothing to change.\nazure-migrate-dependencies: 5 rows read; dependencies: 0 added, 0 updated, 0 unchanged\nskipped 5 rows:\n       4  source server not in the backlog\n       1  loopback or link-local address\n' +
        'hint: most rows name servers the backlog does not have: import the servers first (azure-migrate-servers, rvtools), or add the servers the export names with --add-servers\n',
      stderr: '',
    });
  });

  it('--add-servers adds the servers the export names, with their addresses, and their edges', async () => {
    const root = backlogWith([], { files: { 'deps.csv': EXPORT } });
    const result = await runCli(['import', 'azure-migrate-dependencies', 'deps.csv', '--add-servers'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote servers.yaml, dependencies.yaml.\nazure-migrate-dependencies: 5 rows read; servers: 3 added, 0 updated, 0 unchanged; dependencies: 3 added, 0 updated, 0 unchanged\nskipped 1 row:\n       1  loopback or link-local address\n',
      stderr: '',
    });
    expect((parse(read(root, 'servers.yaml')) as { servers: unknown[] }).servers.slice(-3)).toEqual([
      { id: 'app1', ips: ['10.9.0.1'] },
      { id: 'db1', ips: ['10.9.0.2'] },
      { id: 'app2.fabrikam.local', ips: ['10.9.0.3'] },
    ]);
    expect(edgesOf(root).slice(-3).map((edge) => `${edge.from} -> ${edge.to}:${edge.port} ${edge.classification}`)).toEqual([
      'server:app1 -> server:db1:1433 app',
      'server:app1 -> external:40.83.247.108:443 external',
      'server:app2.fabrikam.local -> server:app1:8080 app',
    ]);
    // The servers belong to no workload yet: ORPHAN_SERVER says what to do next.
    const validated = await runCli(['validate', '-f', 'json'], { cwd: root });
    expect((JSON.parse(validated.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.filter((d) => d.code === 'ORPHAN_SERVER')).toHaveLength(3);
  });

  it('--add-servers is a usage error with another source', async () => {
    const root = backlogWith(['rvtools-vInfo.csv']);
    expect(await runCli(['import', 'rvtools', 'rvtools-vInfo.csv', '--add-servers'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: --add-servers is for azure-migrate-dependencies: rvtools adds what it reads\n' });
  });
});
