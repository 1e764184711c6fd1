// `backlog export COLLECTION` writes a flat sheet (MEG-style column names, lists joined with `;`,
// RFC 4180 quoting); `backlog import csv FILE --collection COLLECTION` reads it back. A round trip
// changes nothing. `import csv` also takes plain field names and x- columns, for any collection.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, read, snapshot, tempDir } from '../helpers/temp-dir.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');
const ESTATE = join(import.meta.dirname, '..', 'fixtures', 'imports', 'estate');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'import', name);

/** Export a collection into a CSV file beside the backlog, then import it back. */
async function roundTrip(root: string, collection: string) {
  const exported = await runCli(['export', collection], { cwd: root });
  expect(exported.code).toBe(0);
  writeFileSync(join(root, `${collection}.csv`), exported.stdout);
  return runCli(['import', 'csv', `${collection}.csv`, '--collection', collection], { cwd: root });
}

describe('backlog export', () => {
  it('writes contoso workloads as a flat sheet with MEG-style column names', async () => {
    const result = await runCli(['export', '--root', CONTOSO]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await expect(result.stdout).toMatchFileSnapshot(golden('export.contoso.workloads.csv'));
    // A byte-order mark first, so that Excel reads the sheet as UTF-8.
    expect(result.stdout.startsWith('\uFEFFWorkload ID,')).toBe(true);
    const [header, ...rows] = result.stdout.slice(1).split('\r\n');
    expect(header!.split(',').slice(0, 17)).toEqual([
      'Workload ID',
      'Workload',
      'Description',
      'Business Unit',
      'Datacenter',
      'Business Owner',
      'Technical Owner',
      'Criticality',
      'Priority',
      'Rank',
      'Business Drivers',
      'Business Outcomes',
      'Assumptions',
      'Migration Strategy',
      'Status',
      'Wave',
      'Dependencies',
    ]);
    expect(header).toContain(',Target Region,Target Landing Zone,Target Subscription,Target Service,On-Premises Monthly Cost,Cloud Monthly Cost,One-Off Migration Cost,Cost Currency,Tags,Notes,x-');
    // x- columns sorted: the header does not change when an entity moves to another file.
    expect(header!.split(',').filter((name) => name.startsWith('x-'))).toEqual(['x-change-ticket', 'x-cmdb-id', 'x-exit-date', 'x-pen-test-due', 'x-sox-in-scope', 'x-vendor-support-id']);
    // RFC 4180: CRLF line ends, a final CRLF; a cell with a comma in double quotes; lists joined with `;`.
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    expect(rows.find((row) => row.startsWith('ad-dns,'))).toBe(
      'ad-dns,Active Directory and DNS,"contoso.local forest, three domain controllers with integrated DNS in DAL1.",IT,DAL1,Mike Anders (Head of IT Operations),identity@contoso.com,mission-critical,high,4,dc-exit,,,rehost,ready,wave-6,,production,cots,highly-confidential,1350,,,,southcentralus,identity,sub-identity-01,Azure VMs,1800,1200,5000,USD,shared-infra;tier-0,,,CI0000001,,,,',
    );
  });

  it('doubles quotes and keeps line breaks inside quoted cells', async () => {
    const root = tempDir({
      'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    description: \'Says "hello", twice\'\n    notes: |-\n      Two lines\n      of notes.\n',
    });
    const result = await runCli(['export', 'workloads', '--columns', 'id'], { cwd: root });
    // --columns is no option of export: a usage error.
    expect(result.code).toBe(2);
    const sheet = (await runCli(['export', 'workloads'], { cwd: root })).stdout;
    expect(sheet.split('\r\n')[1]).toBe('crm,CRM,"Says ""hello"", twice",,,Ana,,,,,,,,,identified,,,,,,,,,,,,,,,,,,,"Two lines\nof notes."');
  });

  it('rejects a collection that does not exist, with a suggestion', async () => {
    expect(await runCli(['export', 'serverz', '--root', CONTOSO])).toEqual({ code: 2, stdout: '', stderr: 'backlog: `serverz` is not a collection\nhint: did you mean `servers`?\n' });
  });
});

describe('export -> import csv round trip', () => {
  it.each(COLLECTION_NAMES)('changes nothing for contoso %s', async (collection) => {
    const root = copyOf(CONTOSO);
    const before = snapshot(root);
    const count = (JSON.parse((await runCli(['list', collection, '-f', 'json'], { cwd: root })).stdout) as { items: unknown[] }).items.length;
    expect(count).toBeGreaterThan(0);
    const result = await roundTrip(root, collection);
    expect(result).toEqual({ code: 0, stdout: `Nothing to change.\ncsv: ${count} ${count === 1 ? 'row' : 'rows'} read; ${collection}: 0 added, 0 updated, ${count} unchanged\n`, stderr: '' });
    const after = snapshot(root);
    delete after[`${collection}.csv`];
    expect(after).toEqual(before);
  });

  const TRICKY = `project:
  name: Round trip
workloads:
  - id: crm
    name: "2024"
    description: 'Quotes "here", commas, and; semicolons'
    owner: Ana
    strategy: rehost
    revenue_impacting: false
    users: 0
    sla: 0.999
    milestone: 2026-09-30
    depends_on: [external:salesforce, workload:erp]
    target: { region: westeurope, service: Azure VMs }
    costs: { on_prem_monthly: 1200.5, currency: EUR }
    tags: [a b, c]
    notes: |-
      Two lines,
      "quoted".
    x-count: 7
    x-team: Sales apps
  - id: erp
    name: ERP
    owner: Ben
    strategy: retain
servers:
  - id: S1
    workloads: [crm]
    ips: [10.0.0.1, 'fe80::1']
    memory_gb: 1.5
dependencies:
  - { from: server:S1, to: workload:erp, port: 443, protocol: https, kind: observed, description: "x, y" }
  - { id: named-edge, from: workload:crm, to: external:salesforce }
`;

  it.each(['workloads', 'servers', 'dependencies'])('changes nothing for %s with quotes, commas, line breaks, numbers-like names, false and 0', async (collection) => {
    const root = tempDir({ 'backlog.yaml': TRICKY });
    const result = await roundTrip(root, collection);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Nothing to change\.\n/);
    expect(read(root, 'backlog.yaml')).toBe(TRICKY);
  });

  // Was a bug, kept as a regression test: cells are trimmed on import, so a value with a trailing line break (every literal `|`
  // block scalar) or leading/trailing spaces comes back without it and is rewritten.
  it('keeps a literal block (its final line break) through a round trip', async () => {
    const text = 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    notes: |\n      Two lines\n      of notes.\n';
    const root = tempDir({ 'backlog.yaml': text });
    const result = await roundTrip(root, 'workloads');
    expect(result.stdout).toMatch(/^Nothing to change\.\n/);
    expect(read(root, 'backlog.yaml')).toBe(text);
  });

  // Was a bug, kept as a regression test: x- columns have no schema, so import guesses their type from the cell: the string
  // "0042" comes back as the number 42, the string "true" as a boolean, a list as one string.
  it('keeps the type of x- fields through a round trip', async () => {
    const text = 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    x-cmdb: "0042"\n    x-flag: "true"\n    x-regions: [eu, us]\n';
    const root = tempDir({ 'backlog.yaml': text });
    const result = await roundTrip(root, 'workloads');
    expect(result.stdout).toMatch(/^Nothing to change\.\n/);
    expect(read(root, 'backlog.yaml')).toBe(text);
  });

  // Was a bug, kept as a regression test: a list item holding `;` came back as two items, and the
  // numbers of an x- list as text.
  it('keeps list items that hold the separator or quotes, and the numbers of an x- list', async () => {
    const text = 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    tags: ["a;b", c, \'"q"\', \'d"e\']\n    x-ports: [80, 443]\n';
    const root = tempDir({ 'backlog.yaml': text });
    const sheet = (await runCli(['export', 'workloads'], { cwd: root })).stdout;
    expect(sheet.split('\r\n')[1]).toContain(',"""a;b"";c;""""""q"""""";d""e",,80;443'); // tags, notes, x-ports
    const result = await roundTrip(root, 'workloads');
    expect(result.stdout).toMatch(/^Nothing to change\.\n/);
    expect(read(root, 'backlog.yaml')).toBe(text);
  });

  it('gives the items a sheet adds to, or moves in, an x- list the type of the list\'s items', async () => {
    const text = 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    x-ports: [80, 443]\n    x-flags: [true]\n';
    const root = tempDir({ 'backlog.yaml': text });
    const sheet = (await runCli(['export', 'workloads'], { cwd: root })).stdout;
    writeFileSync(join(root, 'workloads.csv'), sheet.replace(',true,80;443', ',false;true,443;80;8080'));
    expect((await runCli(['import', 'csv', 'workloads.csv', '--collection', 'workloads'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe(text.replace('[80, 443]', '[443, 80, 8080]').replace('[true]', '[false, true]'));
  });

  // Was a bug, kept as a regression test: export writes the identity of an edge without an id (`server:S1->erp:443/https`) in the
  // `Dependency ID` column; import takes it for an id. With a bare workload reference (the spec's
  // "bare = workload") the identity does not match the stored key (`...->workload:erp...`), so the
  // edge is added again with an invalid id and the import is refused (exit 1).
  it('round-trips a dependency that names a workload by its bare id', async () => {
    const text = 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n  - { id: erp, name: ERP, owner: Ben }\nservers:\n  - { id: S1, workloads: [crm] }\ndependencies:\n  - { from: server:S1, to: erp, port: 443, protocol: https }\n';
    const root = tempDir({ 'backlog.yaml': text });
    const result = await roundTrip(root, 'dependencies');
    expect(result).toEqual({ code: 0, stdout: 'Nothing to change.\ncsv: 1 row read; dependencies: 0 added, 0 updated, 1 unchanged\n', stderr: '' });
  });
});

describe('import csv', () => {
  it('takes MEG labels or field names, nested fields, x- columns and `;` lists; appends new rows --into a file', async () => {
    const root = copyOf(ESTATE, {
      'sheet.csv': 'Workload ID,name,target.region,Target Service,x-cost-centre,Tags,Business Drivers\r\nshop,Web shop,westeurope,App Service,CC-17,web;public,\r\nnewapp,New app,,,,,\r\n,No id,,,,,\r\n',
    });
    const before = read(root, 'workloads.yaml');
    const result = await runCli(['import', 'csv', 'sheet.csv', '--into', 'workloads.yaml'], { cwd: root });
    expect(result).toEqual({
      code: 0,
      stdout: 'Wrote workloads.yaml.\ncsv: 3 rows read; workloads: 1 added, 1 updated, 0 unchanged\nskipped 1 row:\n       1  no id\n',
      stderr: '',
    });
    expect(read(root, 'workloads.yaml')).toBe(
      before
        .replace('    strategy: rehost\n  - id: billing', '    strategy: rehost\n    target:\n      region: westeurope\n      service: App Service\n    tags: [web, public]\n    x-cost-centre: CC-17\n  - id: billing')
        .concat('  - id: newapp\n    name: New app\n'),
    );
  });

  it('merges a nested mapping: the fields the sheet does not mention are kept', async () => {
    const root = tempDir({
      'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    target:\n      region: westeurope\n      landing_zone: corp\n    tags: [a]\n',
      'sheet.csv': 'id,Target Service\ncrm,AKS\n',
    });
    expect((await runCli(['import', 'csv', 'sheet.csv'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe('workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    target:\n      region: westeurope\n      landing_zone: corp\n      service: AKS\n    tags: [a]\n');
  });

  // Was a bug, kept as a regression test: merge sets the whole `target` mapping (old fields plus new), and the text edit rewrites a
  // block mapping from scratch: a comment inside it is lost. (`set target.service=AKS` edits only
  // the one field and keeps it.)
  it('keeps a comment inside a nested mapping it adds a field to', async () => {
    const root = tempDir({
      'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    target:\n      region: westeurope # agreed with networking\n      landing_zone: corp\n',
      'sheet.csv': 'id,Target Service\ncrm,AKS\n',
    });
    expect((await runCli(['import', 'csv', 'sheet.csv'], { cwd: root })).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toBe('workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    target:\n      region: westeurope # agreed with networking\n      landing_zone: corp\n      service: AKS\n');
  });

  it('refuses a column that is no field (exit 2), listing the columns it knows', async () => {
    const root = copyOf(ESTATE, { 'sheet.csv': 'id,name,Colour\nshop,Web shop,red\n' });
    const result = await runCli(['import', 'csv', 'sheet.csv'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^backlog: sheet\.csv: `Colour` is not a field of workloads\nhint: the columns of workloads are: Workload ID, Workload, Description, .*, Tags, Notes \(or their field names\); custom columns start with x-; --map 'NAME=field' reads a column into a field, --ignore-unknown-columns leaves such columns out\n$/,
    );
  });

  it('refuses a sheet without an id column (exit 2)', async () => {
    const root = copyOf(ESTATE, { 'sheet.csv': 'Hostname,Cores\nweb01,4\n' });
    expect(await runCli(['import', 'csv', 'sheet.csv', '--collection', 'servers'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: sheet.csv has no id column (`Machine ID` or `id`)\n',
    });
  });

  it('refuses a value that would be an error where the sheet wrote it (exit 1, nothing written)', async () => {
    const root = copyOf(ESTATE, { 'sheet.csv': 'Workload ID,Workload,Priority,Business Owner\nshop,Web shop,urgent,Ana Lopez\n' });
    const before = snapshot(root);
    const result = await runCli(['import', 'csv', 'sheet.csv'], { cwd: root });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'sheet.csv:2, column "Priority": `priority` cannot be `urgent`: expected high, medium or low\n' +
        'backlog: the import was refused (1 value it cannot take); nothing was written\ncsv: 1 row read; nothing was written\n',
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an unknown collection with a suggestion', async () => {
    const root = copyOf(ESTATE, { 'sheet.csv': 'id\nx\n' });
    expect(await runCli(['import', 'csv', 'sheet.csv', '--collection', 'serverz'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'backlog: `serverz` is not a collection\nhint: did you mean `servers`?\n' });
  });
});
