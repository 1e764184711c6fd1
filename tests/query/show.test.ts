// backlog show: one entity in full — a workload with its servers, dependencies both ways (wave,
// status, how each edge is written), systems outside the estate, move group, drivers with their
// rationale, assumptions, open remediations and risks, and where it is written (file:line);
// a server and a wave; `kind:id`; ambiguous and unknown refs. Fixture: tests/fixtures/query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '..', '..');
const ROOT = join('tests', 'fixtures', 'query');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

interface Detail {
  kind: string;
  id: string;
  definedIn: string;
  fields: Record<string, unknown>;
  sections: Record<string, unknown>;
}

function show(ref: string, ...args: string[]): Promise<CliResult> {
  return runCli(['show', ref, '--root', ROOT, ...args], { cwd: repo });
}

async function detail(ref: string): Promise<Detail> {
  const result = await show(ref, '-f', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Detail;
}

/** The 1-based line of the fixture file on which `text` first appears. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(join(repo, ROOT, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('show a workload', () => {
  it('text: the fields, then a section for each kind of related thing', async () => {
    const result = await show('crm');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['workload crm — CRM', 'defined in workloads/customer.yaml:2']);
    await expect(result.stdout).toMatchFileSnapshot(golden('show.workload.txt'));
  });

  it('json: every section of crm', async () => {
    const crm = await detail('crm');
    expect(crm.kind).toBe('workload');
    expect(crm.id).toBe('crm');
    expect(crm.definedIn).toBe(`workloads/customer.yaml:${lineOf('workloads/customer.yaml', 'id: crm')}`);
    expect(crm.definedIn).toBe('workloads/customer.yaml:2');
    expect(crm.fields).toMatchObject({ id: 'crm', name: 'CRM', priority: 'high', rank: 2, wave: 'wave-2', target: { region: 'northeurope', service: 'app-service' }, 'x-cost-centre': 'CC-200' });
    expect(Object.keys(crm.sections)).toEqual(['servers', 'totals', 'dependsOn', 'dependents', 'external', 'moveGroup', 'drivers', 'assumptions', 'openRemediations', 'risks']);
    expect(crm.sections).toEqual({
      servers: [{ id: 'CRM01', os: 'RHEL 8', cores: 10, memory_gb: 64, status: 'test-migrated' }],
      totals: { servers: 1, cores: 10, memory_gb: 64 },
      dependsOn: [{ id: 'billing', name: 'Billing, "Pay" <EU> #1 | B2B', wave: 'wave-2', status: 'ready', classification: 'app', via: ['depends_on'] }],
      dependents: [
        { id: 'billing', name: 'Billing, "Pay" <EU> #1 | B2B', wave: 'wave-2', status: 'ready', classification: 'app', via: ['dependency dep-billing-crm'] },
        { id: 'intranet', name: 'Intranet', wave: 'wave-2', status: 'identified', classification: 'app', via: ['depends_on'] },
      ],
      external: [{ name: 'salesforce', via: 'depends_on' }],
      moveGroup: { id: 'mg-1', members: ['billing', 'crm'] },
      drivers: [{ id: 'innovate', title: 'Modernise customer apps', rank: 3, rationale: 'Customers expect self-service by 2027.' }],
      // Its own `assumptions`, then those that apply to it.
      assumptions: [
        { id: 'as-vendor', statement: 'The CRM vendor supports the PaaS database.', status: 'validated', review_by: '2026-01-15' },
        { id: 'as-bandwidth', statement: 'The 1 Gbit/s link is enough to replicate the payroll and CRM data.', status: 'open', review_by: '2026-05-15' },
      ],
      // rem-fax is done and names another workload; only rem-crm-api is open and about crm.
      openRemediations: [{ id: 'rem-crm-api', title: 'Replace the SOAP API', severity: 'low', status: 'open', owner: null, due: null }],
      risks: [{ id: 'risk-vendor', title: 'CRM vendor lock-in', severity: 'medium', status: 'open', owner: 'Sales IT' }],
    });
  });

  it('json: edges lifted from servers, shared-infra and noise edges, an in-progress remediation', async () => {
    const payroll = await detail('payroll');
    expect(payroll.definedIn).toBe('workloads/finance.yaml:2');
    expect(payroll.sections.dependsOn).toEqual([
      // The dependency without an id, named by its identity.
      { id: 'erp', name: 'ERP', wave: 'wave-2', status: 'assessing', classification: 'app', via: ['dependency server:PAY-APP01->server:SQL01:1433/tcp'] },
      { id: 'mainframe', name: 'Mainframe batch', wave: null, status: 'assessing', classification: 'shared-infra', via: ['dependency dep-dns'] },
    ]);
    expect(payroll.sections.dependents).toEqual([
      { id: 'intranet', name: 'Intranet', wave: 'wave-2', status: 'identified', classification: 'noise', via: ['dependency dep-ntp'] },
      { id: 'intranet', name: 'Intranet', wave: 'wave-2', status: 'identified', classification: 'app', via: ['depends_on'] },
    ]);
    expect(payroll.sections.external).toEqual([]);
    expect(payroll.sections.moveGroup).toBeUndefined();
    expect(payroll.sections.drivers).toEqual([{ id: 'dc-exit', title: 'Exit the datacenter', rank: 1, rationale: 'The datacenter lease ends in June 2027.' }]);
    expect(payroll.sections.assumptions).toEqual([{ id: 'as-bandwidth', statement: 'The 1 Gbit/s link is enough to replicate the payroll and CRM data.', status: 'open', review_by: '2026-05-15' }]);
    expect(payroll.sections.openRemediations).toEqual([{ id: 'rem-tls', title: 'Enable TLS 1.2 on payroll', severity: 'medium', status: 'in-progress', owner: 'Finance Ops', due: '2026-06-15' }]);
    expect(payroll.sections.risks).toEqual([]);
    expect(payroll.sections.totals).toEqual({ servers: 2, cores: 12, memory_gb: 48 });
  });

  it("json: a remediation of one of its servers, drivers in the order written, an assumption without status (open)", async () => {
    const erp = await detail('erp');
    expect(erp.definedIn).toBe(`workloads/finance.yaml:${lineOf('workloads/finance.yaml', 'id: erp')}`);
    expect(erp.sections.openRemediations).toEqual([{ id: 'rem-sql', title: 'Upgrade SQL01 to SQL Server 2019', severity: 'high', status: 'open', owner: 'DBA Team', due: null }]);
    expect(erp.sections.drivers).toEqual([
      { id: 'innovate', title: 'Modernise customer apps', rank: 3, rationale: 'Customers expect self-service by 2027.' },
      { id: 'dc-exit', title: 'Exit the datacenter', rank: 1, rationale: 'The datacenter lease ends in June 2027.' },
    ]);
    expect(erp.sections.assumptions).toEqual([{ id: 'as-licence', statement: 'ERP licences move to the cloud at no extra cost.', status: 'open', review_by: '2026-07-01' }]);
    expect(erp.sections.dependents).toEqual([
      { id: 'hr-portal', name: 'HR portal', wave: null, status: 'blocked', classification: 'app', via: ['depends_on'] },
      { id: 'payroll', name: 'Payroll', wave: 'wave-1', status: 'scheduled', classification: 'app', via: ['dependency server:PAY-APP01->server:SQL01:1433/tcp'] },
    ]);
  });

  it('json: the line of an entity written after a comment, and an edge to the outside from a server', async () => {
    const billing = await detail('billing');
    // A comment line stands between data-lake and billing in the file.
    expect(billing.definedIn).toBe('workloads/finance.yaml:44');
    expect(lineOf('workloads/finance.yaml', 'id: billing')).toBe(44);
    expect(billing.sections.external).toEqual([{ name: 'stripe', via: 'dependency dep-stripe' }]);
    expect(billing.sections.moveGroup).toEqual({ id: 'mg-1', members: ['billing', 'crm'] });
    expect(billing.fields.notes).toBe('Invoices and dunning.\nOwned by "AR", Finance.');
  });

  it('json: what a blocked workload depends on, with the wave and status of each', async () => {
    const hr = await detail('hr-portal');
    expect(hr.definedIn).toBe('workloads/other.yaml:2');
    expect((hr.sections.dependsOn as Array<Record<string, unknown>>).map(({ id, wave, status }) => [id, wave, status])).toEqual([
      ['data-lake', 'wave-1', 'migrated'],
      ['erp', 'wave-2', 'assessing'],
      ['legacy-fax', null, 'retired'],
      ['mainframe', null, 'assessing'],
    ]);
    // HR01 is shared with intranet.
    expect(hr.sections.servers).toEqual([{ id: 'HR01', os: 'Windows Server 2012 R2', cores: 4, memory_gb: 8, status: 'not-started' }]);
  });

  it('yaml: the same as json', async () => {
    const yaml = await show('crm', '-f', 'yaml');
    expect(yaml.code).toBe(0);
    expect(yaml.stderr).toBe('');
    expect(parseYaml(yaml.stdout)).toEqual(await detail('crm'));
    await expect(yaml.stdout).toMatchFileSnapshot(golden('show.workload.yaml'));
  });

  // Was a bug, kept as a regression test: a field whose value has several lines (billing's `notes`) is printed as is, so its
  // second line starts in column 0, outside the aligned `key  value` block — it reads like a
  // heading, not like the rest of the notes. Continuation lines should stay indented under the value.
  it('text: a multi-line field value stays indented under its key', async () => {
    const result = await show('billing');
    expect(result.stdout).toMatch(/^ {2}notes +Invoices and dunning\.\n +Owned by "AR", Finance\.$/m);
  });
});

describe('show a server', () => {
  it('its workloads (with wave and status), dependencies both ways, and who refers to it', async () => {
    const sql = await detail('SQL01');
    expect(sql.kind).toBe('server');
    expect(sql.definedIn).toBe(`servers.yaml:${lineOf('servers.yaml', 'id: SQL01')}`);
    expect(sql.definedIn).toBe('servers.yaml:4');
    expect(sql.sections).toEqual({
      workloads: [{ id: 'erp', name: 'ERP', wave: 'wave-2', status: 'assessing' }],
      dependsOn: [],
      dependents: [{ other: 'server:PAY-APP01', port: 1433, protocol: 'tcp', classification: 'app', kind: 'observed' }],
      referencedBy: [
        { entity: 'dependency:server:PAY-APP01->server:SQL01:1433/tcp', field: 'to' },
        { entity: 'remediation:rem-sql', field: 'servers' },
      ],
    });
  });

  it('edges of every classification, in both directions; ids compared without case', async () => {
    const pay = await detail('pay-app01');
    expect(pay.id).toBe('PAY-APP01');
    expect(pay.sections.dependsOn).toEqual([
      { other: 'server:SQL01', port: 1433, protocol: 'tcp', classification: 'app', kind: 'observed' },
      { other: 'server:MF01', port: 53, protocol: 'udp', classification: 'shared-infra', kind: 'observed' },
    ]);
    expect(pay.sections.dependents).toEqual([{ other: 'server:INTRA01', port: 123, protocol: 'udp', classification: 'noise', kind: 'observed' }]);
    expect(pay.sections.referencedBy).toEqual([
      { entity: 'dependency:server:PAY-APP01->server:SQL01:1433/tcp', field: 'from' },
      { entity: 'dependency:dep-dns', field: 'from' },
      { entity: 'dependency:dep-ntp', field: 'to' },
    ]);
  });

  it('a shared server lists every workload it serves', async () => {
    const hr01 = await detail('HR01');
    expect(hr01.sections.workloads).toEqual([
      { id: 'hr-portal', name: 'HR portal', wave: null, status: 'blocked' },
      { id: 'intranet', name: 'Intranet', wave: 'wave-2', status: 'identified' },
    ]);
  });

  it('text', async () => {
    const result = await show('SQL01');
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(golden('show.server.txt'));
  });
});

describe('show a wave', () => {
  it('its workloads in priority order, with totals and capacity', async () => {
    const wave = await detail('wave-2');
    expect(wave.kind).toBe('wave');
    expect(wave.definedIn).toBe(`backlog.yaml:${lineOf('backlog.yaml', 'id: wave-2')}`);
    expect(wave.definedIn).toBe('backlog.yaml:24');
    expect(wave.sections.workloads).toEqual([
      { id: 'crm', name: 'CRM', priority: 'high', status: 'ready', strategy: 'replatform', servers: 1 },
      { id: 'erp', name: 'ERP', priority: 'high', status: 'assessing', strategy: 'refactor', servers: 2 },
      { id: 'billing', name: 'Billing, "Pay" <EU> #1 | B2B', priority: 'high', status: 'ready', strategy: 'replatform', servers: 1 },
      { id: 'intranet', name: 'Intranet', priority: 'medium', status: 'identified', strategy: 'rehost', servers: 2 },
    ]);
    // SQL01, ERP-APP01, CRM01, BILL01, INTRA01, HR01: 16 + 9 + 10 + 2 + 2 + 4 cores; no max_servers.
    expect(wave.sections.totals).toEqual({ workloads: 4, servers: 6, cores: 43, capacity: null });
    expect((await detail('wave-1')).sections.totals).toEqual({ workloads: 2, servers: 4, cores: 36, capacity: 4 });
  });

  it('text', async () => {
    const result = await show('wave-1');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['wave wave-1 — Pilot', 'defined in backlog.yaml:26']);
    await expect(result.stdout).toMatchFileSnapshot(golden('show.wave.txt'));
  });
});

describe('show REF forms and errors', () => {
  it('kind:id picks one of two entities with the same id', async () => {
    const server = await detail('server:archive');
    expect(server).toMatchObject({ kind: 'server', id: 'ARCHIVE', definedIn: 'servers.yaml:16' });
    expect(server.fields['x-rack']).toBe('R12');
    expect(server.sections.workloads).toEqual([{ id: 'archive', name: 'Archive', wave: null, status: 'retained' }]);
    const workload = await detail('workload:archive');
    expect(workload).toMatchObject({ kind: 'workload', id: 'archive', definedIn: `workloads/other.yaml:${lineOf('workloads/other.yaml', 'id: archive')}` });
  });

  it('a dependency without an id, by its identity', async () => {
    const dependency = await detail('dependency:server:PAY-APP01->server:SQL01:1433/tcp');
    expect(dependency).toMatchObject({ kind: 'dependency', id: 'server:PAY-APP01->server:SQL01:1433/tcp', definedIn: 'dependencies.yaml:10' });
    expect(lineOf('dependencies.yaml', 'from: server:PAY-APP01')).toBe(10);
  });

  it('an id in two collections: exit 2, saying which', async () => {
    const result = await show('archive');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: `archive` names a workload and a server\nhint: say which: `workload:archive` or `server:ARCHIVE`\n',
    });
  });

  it('an unknown id: exit 2 with "did you mean"', async () => {
    expect(await show('crn')).toEqual({ code: 2, stdout: '', stderr: 'backlog: no entity `crn` in the backlog\nhint: did you mean `workload:crm`?\n' });
    const typed = await show('workload:payrol');
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain('hint: did you mean `workload:payroll`?');
    const far = await show('zzzzzzzz');
    expect(far).toEqual({ code: 2, stdout: '', stderr: 'backlog: no entity `zzzzzzzz` in the backlog\n' });
  });

  it('an unknown kind: exit 2 with "did you mean"', async () => {
    const result = await show('servr:SQL01');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`servr` is not a kind of entity');
    expect(result.stderr).toContain('did you mean `server`?');
  });

  it('a system outside the estate: exit 2, saying how to see what depends on it', async () => {
    expect(await show('external:payment-gateway')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'backlog: `external:payment-gateway` is a system outside the estate, not an entity of the backlog\nhint: what depends on it: `backlog list dependencies --where to=external:payment-gateway` and `backlog list --where depends_on=external:payment-gateway`\n',
    });
  });
});
