// backlog list: the priority order of SPEC §4 written out by hand, --where with every operator
// (numbers, dates, text, lists, missing values), the shorthands, --sort with missing values last,
// computed, nested and x- columns, every collection, the usage errors, and every output format.
// The fixture is tests/fixtures/query (see the comments there); golden files are in
// tests/golden/query (update with `npx vitest run -u` after a deliberate change, and read the diff).
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult, type CliRunOptions } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const ROOT = join('tests', 'fixtures', 'query');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

/** `backlog list ARGS --root <fixture>`; the collection, when given, comes first in ARGS. */
function list(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  return runCli(['list', ...args, '--root', ROOT], { cwd: repo, ...options });
}

/** The ids `list ARGS -f ids` prints, after checking that it succeeded quietly. */
async function ids(...args: string[]): Promise<string[]> {
  const result = await list([...args, '-f', 'ids']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout === '' || result.stdout.endsWith('\n')).toBe(true);
  return result.stdout.split('\n').filter((line) => line !== '');
}

async function json(...args: string[]): Promise<Array<Record<string, unknown>>> {
  const result = await list([...args, '-f', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { items: Array<Record<string, unknown>> }).items;
}

/** A strict RFC 4180 reader: CRLF between records, quotes only around whole fields, `""` for a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else quoted = false;
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
      i++;
    } else if (ch === '"' || ch === '\r' || ch === '\n' || wasQuoted) {
      throw new Error(`not RFC 4180: ${JSON.stringify(ch)} at offset ${i}`);
    } else {
      field += ch;
    }
  }
  if (quoted || field !== '' || record.length > 0) throw new Error('not RFC 4180: the last record does not end with CRLF');
  return records;
}

const ALL_WORKLOADS = ['archive', 'billing', 'crm', 'data-lake', 'erp', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe', 'payroll'];
const ALL_SERVERS = ['ARCHIVE', 'BILL01', 'CRM01', 'ERP-APP01', 'FAX01', 'HR01', 'INTRA01', 'LAKE01', 'LAKE02', 'MF01', 'PAY-APP01', 'PAY-APP02', 'SQL01'];
const UNNAMED_DEPENDENCY = 'server:PAY-APP01->server:SQL01:1433/tcp';

describe('list --priority', () => {
  // Worked out by hand from SPEC §4: level (high, medium, low, unset); then rank, unset last;
  // then the best (lowest) rank of the drivers (dc-exit 1, cost 2, innovate 3); then id.
  const PRIORITY_ORDER = [
    'payroll', //    high, rank 1
    'crm', //        high, rank 2 (its driver ranks 3: rank comes before drivers)
    'erp', //        high, no rank, drivers innovate + dc-exit: best 1
    'billing', //    high, no rank, driver cost: best 2 — tied with data-lake, the id decides
    'data-lake', //  high, no rank, driver cost: best 2 (written before billing in the file)
    'intranet', //   medium, rank 1, driver cost: best 2
    'hr-portal', //  medium, rank 1, driver innovate: best 3 (before intranet by id, after it by drivers)
    'legacy-fax', // low
    'mainframe', //  unset, rank 1
    'archive', //    unset, no rank (before mainframe by id, after it by rank)
  ];

  it('orders workloads by level, then rank (unset last), then the best driver rank, then id', async () => {
    expect(await ids('--priority')).toEqual(PRIORITY_ORDER);
  });

  it('with levels, keeps only those levels, in the same order', async () => {
    expect(await ids('--priority', 'high')).toEqual(['payroll', 'crm', 'erp', 'billing', 'data-lake']);
    expect(await ids('--priority', 'high,medium')).toEqual(['payroll', 'crm', 'erp', 'billing', 'data-lake', 'intranet', 'hr-portal']);
    expect(await ids('--priority', 'unset')).toEqual(['mainframe', 'archive']);
    expect(await ids('--priority', 'low,unset')).toEqual(['legacy-fax', 'mainframe', 'archive']);
    expect(await ids('--priority', 'MEDIUM')).toEqual(['intranet', 'hr-portal']);
  });

  it('combines with filters', async () => {
    expect(await ids('--priority', '--wave', 'wave-2')).toEqual(['crm', 'erp', 'billing', 'intranet']);
    expect(await ids('--priority', 'high', '--where', 'status!=migrated')).toEqual(['payroll', 'crm', 'erp', 'billing']);
  });

  it('shows the columns that explain the order by default', async () => {
    const rows = parseCsv((await list(['--priority', '-f', 'csv'])).stdout);
    expect(rows[0]).toEqual(['id', 'name', 'priority', 'rank', 'drivers', 'status', 'wave', 'owner']);
    expect(rows[3]).toEqual(['erp', 'ERP', 'high', '', 'innovate;dc-exit', 'assessing', 'wave-2', 'finance.team@contoso.example']);
  });

  it('rejects an unknown level (exit 2)', async () => {
    const result = await list(['--priority', 'urgent']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`urgent` is not a priority level; use high, medium, low or unset');
  });

  it('is an order of its own: not with --sort (exit 2)', async () => {
    const result = await list(['--priority', '--sort', 'id']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--priority is an order of its own');
  });

  it('orders workloads only: on servers it is a usage error (exit 2)', async () => {
    const result = await list(['servers', '--priority']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const withColumns = await list(['servers', '--priority', '--columns', 'id']);
    expect(withColumns.code).toBe(2);
    expect(withColumns.stderr).toContain('--priority orders workloads, not servers');
  });

  // Was a bug, kept as a regression test: without --columns, `list servers --priority` first resolves the default --priority
  // columns (id, name, priority, ...) against the servers' fields and fails on `name`, so the
  // user reads "--columns: servers have no field `name`" about an option they never gave.
  it('on servers, says that --priority orders workloads (not a complaint about --columns)', async () => {
    const result = await list(['servers', '--priority']);
    expect(result.stderr).toContain('--priority orders workloads, not servers');
    expect(result.stderr).not.toContain('--columns');
  });
});

describe('list --where', () => {
  const WORKLOAD_CASES: Array<[string, string[]]> = [
    // = and != on text, without case; a comma list means any of them.
    ['status=ready', ['billing', 'crm']],
    ['status=READY', ['billing', 'crm']],
    ['status=ready,blocked', ['billing', 'crm', 'hr-portal']],
    ['status!=ready', ['archive', 'data-lake', 'erp', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe', 'payroll']],
    ['status!=ready,blocked', ['archive', 'data-lake', 'erp', 'intranet', 'legacy-fax', 'mainframe', 'payroll']],
    // ~ contains, without case; with a list, contains any.
    ['name~pay', ['billing', 'payroll']],
    ['name~LAKE,fax', ['data-lake', 'legacy-fax']],
    // Numbers compare as numbers; a missing value never satisfies <, <=, >, >=.
    ['rank=1', ['hr-portal', 'intranet', 'mainframe', 'payroll']],
    ['rank<2', ['hr-portal', 'intranet', 'mainframe', 'payroll']],
    ['rank<=2', ['crm', 'hr-portal', 'intranet', 'mainframe', 'payroll']],
    ['rank>1', ['crm']],
    ['rank>=1', ['crm', 'hr-portal', 'intranet', 'mainframe', 'payroll']],
    // != includes the workloads without the field; an empty value matches only them.
    ['rank!=1', ['archive', 'billing', 'crm', 'data-lake', 'erp', 'legacy-fax']],
    ['rank=', ['archive', 'billing', 'data-lake', 'erp', 'legacy-fax']],
    // Computed numbers: 10 > 9 (crm has 10 cores), which text order would get wrong.
    ['cores>9', ['crm', 'data-lake', 'erp', 'payroll']],
    ['cores>=12', ['data-lake', 'erp', 'payroll']],
    ['memory_gb<10', ['billing', 'hr-portal', 'legacy-fax', 'mainframe']],
    ['servers=2', ['data-lake', 'erp', 'intranet', 'payroll']],
    ['depends_on_count=0', ['archive', 'data-lake', 'erp', 'legacy-fax', 'mainframe']],
    ['dependents_count>=2', ['crm', 'erp']],
    ['move_group=mg-1', ['billing', 'crm']],
    ['blocked_by~erp', ['hr-portal', 'payroll']],
    ['blocked_by=', ['archive', 'data-lake', 'erp', 'legacy-fax', 'mainframe']],
    // Dates compare as dates.
    ['milestone<2027-01-01', ['erp', 'payroll']],
    ['milestone<=2027-01-01', ['billing', 'erp', 'payroll']],
    ['milestone>2027-01-01', ['crm']],
    ['milestone>=2026-12-31', ['billing', 'crm', 'erp']],
    ['milestone=', ['archive', 'data-lake', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe']],
    // Missing values: wave= matches them, != includes them, < never matches them.
    ['wave=', ['archive', 'hr-portal', 'legacy-fax', 'mainframe']],
    ['wave!=wave-1', ['archive', 'billing', 'crm', 'erp', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe']],
    ['wave!=', ['billing', 'crm', 'data-lake', 'erp', 'intranet', 'payroll']],
    ['wave<wave-2', ['data-lake', 'payroll']],
    // Lists: = matches an item, ~ an item containing the text, != no item.
    ['tags=finance', ['billing', 'erp', 'payroll']],
    ['tags=sox,hr', ['hr-portal', 'payroll']],
    ['tags!=finance', ['archive', 'crm', 'data-lake', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe']],
    ['depends_on~crm', ['intranet']],
    ['depends_on=billing', ['crm']],
    ['depends_on~external:', ['crm']],
    ['drivers=dc-exit', ['erp', 'payroll']],
    // Nested fields, x- fields, the file.
    ['target.region=northeurope', ['crm', 'erp']],
    ['x-cost-centre~cc-', ['crm', 'data-lake', 'payroll']],
    ['x-cost-centre>CC-100', ['crm', 'data-lake']],
    ['file~finance', ['billing', 'data-lake', 'erp', 'payroll']],
  ];
  for (const [condition, expected] of WORKLOAD_CASES) {
    it(`workloads ${condition}`, async () => {
      expect(await ids('--where', condition)).toEqual(expected);
    });
  }

  const SERVER_CASES: Array<[string, string[]]> = [
    ['cores>=8', ['CRM01', 'ERP-APP01', 'LAKE01', 'LAKE02', 'PAY-APP01', 'SQL01']],
    ['cores>9', ['CRM01', 'LAKE01', 'LAKE02', 'SQL01']],
    ['cores<4', ['ARCHIVE', 'BILL01', 'FAX01', 'INTRA01']],
    ['cores<=4', ['ARCHIVE', 'BILL01', 'FAX01', 'HR01', 'INTRA01', 'PAY-APP02']],
    ['cores=12', ['LAKE01', 'LAKE02']],
    ['cores=', ['MF01']],
    ['cores!=2', ['CRM01', 'ERP-APP01', 'FAX01', 'HR01', 'LAKE01', 'LAKE02', 'MF01', 'PAY-APP01', 'PAY-APP02', 'SQL01']],
    ['memory_gb>=64', ['CRM01', 'LAKE01', 'SQL01']],
    ['os~windows', ['FAX01', 'HR01', 'PAY-APP01', 'PAY-APP02', 'SQL01']],
    ['os=rhel 8,z/OS', ['CRM01', 'ERP-APP01', 'MF01']],
    ['workloads=intranet', ['HR01', 'INTRA01']],
    ['x-rack=r12', ['ARCHIVE']],
  ];
  for (const [condition, expected] of SERVER_CASES) {
    it(`servers ${condition}`, async () => {
      expect(await ids('servers', '--where', condition)).toEqual(expected);
    });
  }

  it('dependencies, the one without an id included', async () => {
    expect(await ids('dependencies', '--where', 'classification=app')).toEqual(['dep-billing-crm', UNNAMED_DEPENDENCY]);
    expect(await ids('dependencies', '--where', 'port>=443')).toEqual(['dep-billing-crm', 'dep-stripe', UNNAMED_DEPENDENCY]);
    expect(await ids('dependencies', '--where', 'to~sql01')).toEqual([UNNAMED_DEPENDENCY]);
    // `id` is the id written: the unnamed one has none.
    expect(await ids('dependencies', '--where', 'id=')).toEqual([UNNAMED_DEPENDENCY]);
    expect(await ids('dependencies', '--where', 'to~external:')).toEqual(['dep-stripe']);
  });

  it('repeated, every condition must hold', async () => {
    expect(await ids('--where', 'priority=high', '--where', 'wave=wave-2')).toEqual(['billing', 'crm', 'erp']);
    // The README's example.
    expect(await ids('--where', 'owner~finance', '--where', 'milestone<2027-03-01')).toEqual(['erp', 'payroll']);
  });

  it('rejects a condition without an operator, and a list with an order operator (exit 2)', async () => {
    for (const condition of ['cores', 'cores>=8,9']) {
      const result = await list(['servers', '--where', condition]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^backlog: --where/);
    }
  });
});

// Was a bug, kept as a regression test: an order against a value that cannot be ordered with the
// field's listed nothing, exit 0, as if no entity matched.
describe('list --where: a value the field cannot be ordered with (exit 2)', () => {
  it.each<[string[], string]>([
    [['servers', '--where', 'cores>abc'], 'backlog: --where cores>abc: `cores` is a number, and `abc` is not one\n'],
    [['--where', 'cores>=many'], 'backlog: --where cores>=many: `cores` is a number, and `many` is not one\n'],
    [['--where', 'milestone>=2027-13-45'], 'backlog: --where milestone>=2027-13-45: `milestone` is a date, and `2027-13-45` is not one\nhint: write a date as YYYY-MM-DD (or a month, YYYY-MM, or a year)\n'],
    // Checked before any entity is read: the answer does not depend on the conditions' order.
    [['servers', '--where', 'os=nosuch', '--where', 'cores>abc'], 'backlog: --where cores>abc: `cores` is a number, and `abc` is not one\n'],
  ])('%j', async (args, stderr) => {
    expect(await list(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('a month or a year is every day in it, whatever the operator; a time after a day is dropped', async () => {
    // Milestones: payroll 2026-09-30, erp 2026-12-31, billing 2027-01-01, crm 2027-03-31.
    expect(await ids('--where', 'milestone<=2026')).toEqual(['erp', 'payroll']);
    expect(await ids('--where', 'milestone<2027-03')).toEqual(['billing', 'erp', 'payroll']);
    expect(await ids('--where', 'milestone<=2027-03')).toEqual(['billing', 'crm', 'erp', 'payroll']);
    expect(await ids('--where', 'milestone>2027-02')).toEqual(['crm']);
    expect(await ids('--where', 'milestone>=2027')).toEqual(['billing', 'crm']);
    expect(await ids('--where', 'milestone>=2027-03-31T09:00')).toEqual(['crm']);
  });

  it('an x- field has no known kind: it orders as text, whatever its values', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, x-v: "Q3" }\n  - { id: b, name: B, owner: O, x-v: 3 }\n  - { id: c, name: C, owner: O, x-v: "3b" }\n' });
    expect(await runCli(['list', '--where', 'x-v>=3a', '-f', 'ids', '--root', root])).toEqual({ code: 0, stdout: 'a\nc\n', stderr: '' });
  });
});

describe('list shorthands', () => {
  it.each<[string[], string[]]>([
    [['--status', 'ready,scheduled'], ['billing', 'crm', 'payroll']],
    [['--status', 'ready,scheduled', '--wave', 'wave-2'], ['billing', 'crm']],
    [['--wave', 'wave-1'], ['data-lake', 'payroll']],
    [['--strategy', 'rehost,retire'], ['intranet', 'legacy-fax', 'payroll']],
    [['--owner', 'finance'], ['erp', 'payroll']],
    [['--owner', 'FINANCE,hr'], ['erp', 'hr-portal', 'payroll']],
    [['--criticality', 'mission-critical'], ['erp', 'payroll']],
    [['--tag', 'internal'], ['hr-portal', 'intranet']],
    [['--environment', 'staging,development'], ['archive', 'intranet']],
    [['servers', '--environment', 'production', '--status', 'migrated'], ['LAKE01', 'LAKE02']],
  ])('%j', async (args, expected) => {
    expect(await ids(...args)).toEqual(expected);
  });
});

describe('list --sort', () => {
  it.each<[string[], string[]]>([
    // Ascending and descending, missing values last in both directions, ties by id.
    [['--sort', 'wave,-cores'], ['data-lake', 'payroll', 'erp', 'crm', 'intranet', 'billing', 'hr-portal', 'archive', 'legacy-fax', 'mainframe']],
    [['--sort', '-wave,id'], ['billing', 'crm', 'erp', 'intranet', 'data-lake', 'payroll', 'archive', 'hr-portal', 'legacy-fax', 'mainframe']],
    [['--sort', 'milestone'], ['payroll', 'erp', 'billing', 'crm', 'archive', 'data-lake', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe']],
    [['--sort', '-milestone'], ['crm', 'billing', 'erp', 'payroll', 'archive', 'data-lake', 'hr-portal', 'intranet', 'legacy-fax', 'mainframe']],
    [['--sort', 'rank'], ['hr-portal', 'intranet', 'mainframe', 'payroll', 'crm', 'archive', 'billing', 'data-lake', 'erp', 'legacy-fax']],
    [['--sort', '-rank'], ['crm', 'hr-portal', 'intranet', 'mainframe', 'payroll', 'archive', 'billing', 'data-lake', 'erp', 'legacy-fax']],
    [['--sort', '+rank,-id'], ['payroll', 'mainframe', 'intranet', 'hr-portal', 'crm', 'legacy-fax', 'erp', 'data-lake', 'billing', 'archive']],
    [['--sort', 'blocked_by'], ['crm', 'billing', 'payroll', 'hr-portal', 'intranet', 'archive', 'data-lake', 'erp', 'legacy-fax', 'mainframe']],
    [['--where', 'servers>=2', '--sort', '-memory_gb'], ['erp', 'data-lake', 'payroll', 'intranet']],
    // Numbers as numbers: 16 > 12 > 10 > 9 > 8; MF01 has no cores and comes last either way.
    [['servers', '--sort', '-cores,id'], ['SQL01', 'LAKE01', 'LAKE02', 'CRM01', 'ERP-APP01', 'PAY-APP01', 'HR01', 'PAY-APP02', 'ARCHIVE', 'BILL01', 'INTRA01', 'FAX01', 'MF01']],
    [['servers', '--sort', 'cores'], ['FAX01', 'ARCHIVE', 'BILL01', 'INTRA01', 'HR01', 'PAY-APP02', 'PAY-APP01', 'ERP-APP01', 'CRM01', 'LAKE01', 'LAKE02', 'SQL01', 'MF01']],
    [['servers', '--sort', '-memory_gb'], ['SQL01', 'LAKE01', 'CRM01', 'LAKE02', 'PAY-APP01', 'ERP-APP01', 'ARCHIVE', 'PAY-APP02', 'BILL01', 'HR01', 'INTRA01', 'FAX01', 'MF01']],
    [['dependencies', '--sort', '-port'], [UNNAMED_DEPENDENCY, 'dep-billing-crm', 'dep-stripe', 'dep-ntp', 'dep-dns']],
  ])('%j', async (args, expected) => {
    expect(await ids(...args)).toEqual(expected);
  });

  // Was a bug, kept as a regression test: an empty list (blocked_by of a workload that waits for nothing) counts as missing when
  // sorting ascending (last) but not when descending: `--sort -blocked_by` puts the five
  // workloads with an empty blocked_by FIRST (archive, data-lake, erp, legacy-fax, mainframe),
  // against "missing values last" in either direction (README, and `--where blocked_by=`).
  it('a descending sort keeps empty lists last too', async () => {
    expect(await ids('--sort', '-blocked_by')).toEqual(['intranet', 'hr-portal', 'payroll', 'billing', 'crm', 'archive', 'data-lake', 'erp', 'legacy-fax', 'mainframe']);
  });
});

describe('list --columns', () => {
  it('computes servers, cores, memory, dependency counts, move group and blocked_by', async () => {
    const columns = ['id', 'servers', 'cores', 'memory_gb', 'depends_on_count', 'dependents_count', 'move_group', 'blocked_by'];
    const row = (...values: unknown[]) => Object.fromEntries(columns.map((column, i) => [column, values[i]]));
    expect(await json('--columns', columns.join(','))).toEqual([
      row('archive', 1, 2, 16, 0, 0, null, []),
      row('billing', 1, 2, 8, 1, 1, 'mg-1', ['crm']),
      row('crm', 1, 10, 64, 1, 2, 'mg-1', ['billing']),
      row('data-lake', 2, 24, 144, 0, 1, null, []),
      row('erp', 2, 25, 152, 0, 2, null, []),
      // legacy-fax is retired and data-lake has moved: neither blocks.
      row('hr-portal', 1, 4, 8, 4, 0, null, ['mainframe', 'erp']),
      // HR01 serves hr-portal and intranet: it counts for both.
      row('intranet', 2, 6, 12, 2, 0, null, ['payroll', 'crm']),
      row('legacy-fax', 1, 1, 2, 0, 1, null, []),
      // MF01 has no cores or memory written.
      row('mainframe', 1, 0, 0, 0, 1, null, []),
      // payroll -> erp comes from a server-level edge (PAY-APP01 -> SQL01); its shared-infra
      // edge to mainframe and intranet's noise edge to it do not count.
      row('payroll', 2, 12, 48, 1, 1, null, ['erp']),
    ]);
  });

  it('takes nested fields, x- fields and the file, in the order given', async () => {
    const rows = await json('--where', 'priority=high', '--columns', 'file,id,target.region,target.service,x-cost-centre');
    expect(rows).toEqual([
      { file: 'workloads/finance.yaml', id: 'billing', 'target.region': null, 'target.service': null, 'x-cost-centre': null },
      { file: 'workloads/customer.yaml', id: 'crm', 'target.region': 'northeurope', 'target.service': 'app-service', 'x-cost-centre': 'CC-200' },
      { file: 'workloads/finance.yaml', id: 'data-lake', 'target.region': null, 'target.service': null, 'x-cost-centre': 'CC-300' },
      { file: 'workloads/finance.yaml', id: 'erp', 'target.region': 'northeurope', 'target.service': null, 'x-cost-centre': null },
      { file: 'workloads/finance.yaml', id: 'payroll', 'target.region': 'westeurope', 'target.service': 'vm', 'x-cost-centre': 'CC-100' },
    ]);
    expect(await json('servers', '--where', 'os_family=unix', '--columns', 'id,x-rack,file')).toEqual([{ id: 'ARCHIVE', 'x-rack': 'R12', file: 'servers.yaml' }]);
  });
});

describe('list collections', () => {
  it('workloads by default, and by their singular name', async () => {
    expect(await ids()).toEqual(ALL_WORKLOADS);
    expect(await ids('workloads')).toEqual(ALL_WORKLOADS);
    expect(await ids('workload')).toEqual(ALL_WORKLOADS);
    expect(await ids('server')).toEqual(ALL_SERVERS);
  });

  it('servers, by id', async () => {
    expect(await ids('servers')).toEqual(ALL_SERVERS);
  });

  it('dependencies: ids gives the one without an id by its identity; its id column is empty', async () => {
    expect(await ids('dependencies')).toEqual(['dep-billing-crm', 'dep-dns', 'dep-ntp', 'dep-stripe', UNNAMED_DEPENDENCY]);
    const rows = await json('dependencies', '--where', 'port=1433', '--columns', 'id,from,to,port,protocol,kind,classification');
    expect(rows).toEqual([{ id: null, from: 'server:PAY-APP01', to: 'server:SQL01', port: 1433, protocol: 'tcp', kind: 'observed', classification: 'app' }]);
    // A whole record is the dependency as written: no id where it has none.
    expect(await json('dependencies', '--where', 'port=1433')).toEqual([{ from: 'server:PAY-APP01', to: 'server:SQL01', port: 1433, protocol: 'tcp', kind: 'observed', classification: 'app' }]);
  });

  it('priorities in rank order, waves in their order (not by id, not as written)', async () => {
    expect(await ids('priorities')).toEqual(['dc-exit', 'cost', 'innovate']);
    expect(await ids('waves')).toEqual(['wave-1', 'wave-2', 'final']);
    expect((await json('priorities')).map((row) => row.rank)).toEqual([1, 2, 3]);
    expect((await json('waves')).map((row) => row.order)).toEqual([1, 2, 3]);
  });

  it('assumptions, outcomes, remediations and risks', async () => {
    expect(await ids('assumptions')).toEqual(['as-bandwidth', 'as-licence', 'as-vendor']);
    expect(await ids('assumptions', '--where', 'review_by<2026-06-01', '--status', 'open')).toEqual(['as-bandwidth']);
    expect(await ids('outcomes')).toEqual(['out-agility', 'out-exit']);
    expect(await ids('remediations')).toEqual(['rem-crm-api', 'rem-fax', 'rem-sql', 'rem-tls']);
    expect(await ids('remediations', '--where', 'status!=done')).toEqual(['rem-crm-api', 'rem-sql', 'rem-tls']);
    expect(await ids('risks')).toEqual(['risk-vendor']);
  });

  it('nothing found: an empty answer in every format', async () => {
    const none = ['--status', 'optimized'];
    expect(JSON.parse((await list([...none, '-f', 'json'])).stdout)).toEqual({ version: 1, collection: 'workloads', items: [] });
    expect((await list([...none, '-f', 'yaml'])).stdout).toBe('[]\n');
    expect((await list([...none, '-f', 'ids'])).stdout).toBe('');
    expect((await list([...none, '-f', 'csv', '--columns', 'id,name'])).stdout).toBe('id,name\r\n');
    expect((await list([...none, '-f', 'markdown', '--columns', 'id,name'])).stdout).toBe('| id | name |\n| --- | --- |\n');
    expect(await list(none)).toEqual({ code: 0, stdout: '(none)\n', stderr: '' });
  });
});

describe('list usage errors (exit 2)', () => {
  it.each([
    ['--where', ['--where', 'stauts=ready'], '--where: workloads have no field `stauts` (did you mean `status`?)'],
    ['--sort', ['--sort', 'id,-wvae'], '--sort: workloads have no field `wvae` (did you mean `wave`?)'],
    ['--columns', ['--columns', 'id,nope'], '--columns: workloads have no field `nope`'],
  ])('an unknown field in %s lists the valid ones', async (_option, args, message) => {
    const result = await list(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, hint] = result.stderr.split('\n');
    expect(first).toBe(`backlog: ${message}`);
    expect(hint).toMatch(/^hint: the fields of workloads are id, name, /);
    const fields = hint!.replace('hint: the fields of workloads are ', '').split(', ');
    expect(fields).toEqual(expect.arrayContaining(['status', 'wave', 'target.region', 'costs.currency', 'servers', 'cores', 'memory_gb', 'depends_on_count', 'dependents_count', 'move_group', 'blocked_by', 'file', 'x-cost-centre']));
  });

  it("a field of another collection is unknown: the servers' own fields are listed", async () => {
    const result = await list(['servers', '--where', 'priority=high']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--where: servers have no field `priority`');
    expect(result.stderr).toContain('hint: the fields of servers are id, workloads, hostname, role, os, ');
    expect(result.stderr).toContain('x-rack');
  });

  it('an unknown collection, with "did you mean"', async () => {
    const result = await list(['serverz']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'backlog: `serverz` is not a collection\nhint: did you mean `servers`?\n' });
    const far = await list(['widgets']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('hint: the collections are workloads, servers, dependencies, priorities, assumptions, outcomes, waves, remediations, risks');
  });

  it('an unknown format', async () => {
    const result = await list(['-f', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('list output formats', () => {
  const COLUMNS = ['id', 'name', 'rank', 'tags', 'notes', 'cores', 'blocked_by', 'target.region', 'x-cost-centre'];
  const RICH = ['--priority', 'high,medium', '--columns', COLUMNS.join(',')];

  it('table: the default, no colour without a terminal', async () => {
    const result = await list([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\u001b[');
    await expect(result.stdout).toMatchFileSnapshot(golden('list.table.txt'));
  });

  it('table: --priority, and chosen columns with a multi-line cell', async () => {
    const priority = await list(['--priority']);
    expect(priority.stdout).not.toContain('\u001b[');
    await expect(priority.stdout).toMatchFileSnapshot(golden('list.priority.table.txt'));
    const rich = await list(RICH);
    expect(rich.stdout).not.toContain('\u001b[');
    await expect(rich.stdout).toMatchFileSnapshot(golden('list.columns.table.txt'));
  });

  // The layout rules are tested on examples/contoso in tests/format/table-fit.test.ts.
  it('table: fits an 80-column terminal, the name cut with …, every id, status and number whole; coloured there', async () => {
    const args = ['--priority', '--columns', 'id,name,priority,status,wave,servers,cores'];
    const result = await list(args, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // 96 columns wide without a terminal: `name` gives way, down to exactly 80.
    for (const line of lines) expect(line.length).toBe(80);
    expect(result.stdout).toContain('│ Billing,…    │');
    for (const id of ALL_WORKLOADS) expect(result.stdout).toContain(`│ ${id} `);
    for (const status of ['scheduled', 'identified', 'assessing', 'retained']) expect(result.stdout).toContain(`│ ${status} `);
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.table-80.txt'));
    const coloured = await list(args, { tty: true, columns: 80 });
    expect(coloured.stdout).toContain('\u001b[');
  });

  // Was a bug, kept as a regression test: to fit 80 columns the layout shrinks every column down to 8 characters, the id column
  // too, and the table (then cli-table3) cut words longer than a cell: `data-l…`, `intran…`, `hr-por…`,
  // `legacy…`, `mainfr…`, `schedul…`, `<fin@co…`. The ids are the one column a reader needs whole
  // (to type `backlog show ID`): they are never cut, nor split across lines.
  it('table: at 80 columns the default --priority table cuts no id', async () => {
    const result = await list(['--priority'], { columns: 80 });
    expect(result.code).toBe(0);
    for (const line of result.stdout.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    for (const id of ALL_WORKLOADS) expect(result.stdout).toContain(`│ ${id} `);
  });

  it('table: servers and dependencies', async () => {
    await expect((await list(['servers'])).stdout).toMatchFileSnapshot(golden('list.servers.table.txt'));
    await expect((await list(['dependencies'])).stdout).toMatchFileSnapshot(golden('list.dependencies.table.txt'));
  });

  it('json: an array of objects with exactly the chosen columns, in order', async () => {
    const result = await list([...RICH, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout) as { version: number; collection: string; items: Array<Record<string, unknown>> };
    expect([output.version, output.collection]).toEqual([1, 'workloads']);
    const rows = output.items;
    expect(rows.map((row) => row.id)).toEqual(['payroll', 'crm', 'erp', 'billing', 'data-lake', 'intranet', 'hr-portal']);
    for (const row of rows) expect(Object.keys(row)).toEqual(COLUMNS);
    expect(rows[3]).toEqual({
      id: 'billing',
      name: 'Billing, "Pay" <EU> #1 | B2B',
      rank: null,
      tags: ['finance', 'billing'],
      notes: 'Invoices and dunning.\nOwned by "AR", Finance.',
      cores: 2,
      blocked_by: ['crm'],
      'target.region': null,
      'x-cost-centre': null,
    });
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.json'));
  });

  // Was a bug (issue 21, item 3): json and yaml gave only the table's columns.
  it('json and yaml without --columns: whole records, every field as show has it', async () => {
    const records = (JSON.parse((await list(['--priority', '-f', 'json'])).stdout) as { items: Array<Record<string, unknown>> }).items;
    expect(records.map((record) => record.id)).toEqual(['payroll', 'crm', 'erp', 'billing', 'data-lake', 'intranet', 'hr-portal', 'legacy-fax', 'mainframe', 'archive']);
    const shown = JSON.parse((await runCli(['show', 'billing', '--root', ROOT, '-f', 'json'], { cwd: repo })).stdout) as { fields: unknown };
    const billing = records.find((record) => record.id === 'billing');
    expect(billing).toEqual(shown.fields);
    expect(billing).toMatchObject({ criticality: 'high', drivers: ['cost'], milestone: '2027-01-01', environment: 'production', notes: 'Invoices and dunning.\nOwned by "AR", Finance.' });
    expect(billing).not.toHaveProperty('servers');
    expect(parseYaml((await list(['--priority', '-f', 'yaml'])).stdout)).toEqual(records);
    const servers = (JSON.parse((await list(['servers', '-f', 'json'])).stdout) as { items: Array<Record<string, unknown>> }).items;
    expect(servers.find((server) => server.id === 'SQL01')).toMatchObject({ role: 'database', status: 'replicating' });
  });

  it('csv: RFC 4180 quoting, CRLF line ends, lists joined with ;', async () => {
    const result = await list([...RICH, '-f', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const records = parseCsv(result.stdout);
    expect(records[0]).toEqual(COLUMNS);
    expect(records.map((record) => record[0])).toEqual(['id', 'payroll', 'crm', 'erp', 'billing', 'data-lake', 'intranet', 'hr-portal']);
    for (const record of records) expect(record).toHaveLength(COLUMNS.length);
    expect(records[4]).toEqual(['billing', 'Billing, "Pay" <EU> #1 | B2B', '', 'finance;billing', 'Invoices and dunning.\nOwned by "AR", Finance.', '2', 'crm', '', '']);
    expect(records[1]).toEqual(['payroll', 'Payroll', '1', 'finance;sox', '', '12', 'erp', 'westeurope', 'CC-100']);
    expect(records[7]).toEqual(['hr-portal', 'HR portal', '1', 'internal;hr', '', '4', 'mainframe;erp', '', '']);
    // As written on the wire.
    expect(result.stdout).toContain('\r\nbilling,"Billing, ""Pay"" <EU> #1 | B2B",,finance;billing,"Invoices and dunning.\nOwned by ""AR"", Finance.",2,crm,,\r\n');
    expect(result.stdout.startsWith(`${COLUMNS.join(',')}\r\n`)).toBe(true);
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.csv'));
  });

  // What a renderer makes of it, and of hostile values: tests/format/markdown-injection.test.ts.
  it('markdown: a table, with what Markdown would act on escaped and line breaks as <br>', async () => {
    const result = await list([...RICH, '-f', 'markdown']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`| ${COLUMNS.map((column) => column.replace('_', '\\_')).join(' | ')} |`);
    expect(lines[1]).toBe(`| ${COLUMNS.map(() => '---').join(' | ')} |`);
    expect(lines).toHaveLength(2 + 7);
    // Every row has as many cell separators as the header: no | leaks out of a cell.
    const separators = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (const line of lines) expect(separators(line)).toBe(separators(lines[0]!));
    expect(lines[5]).toBe('| billing | Billing, "Pay" \\<EU\\> `#1` \\| B2B |  | finance, billing | Invoices and dunning.<br>Owned by "AR", Finance. | 2 | crm |  |  |');
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.md'));
  });

  it('yaml: the same rows as json', async () => {
    const result = await list([...RICH, '-f', 'yaml']);
    expect(result.code).toBe(0);
    const asJson = (JSON.parse((await list([...RICH, '-f', 'json'])).stdout) as { items: unknown }).items;
    expect(parseYaml(result.stdout)).toEqual(asJson);
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.yaml'));
  });

  it('ids: one id a line', async () => {
    const result = await list([...RICH, '-f', 'ids']);
    expect(result).toEqual({ code: 0, stdout: 'payroll\ncrm\nerp\nbilling\ndata-lake\nintranet\nhr-portal\n', stderr: '' });
    await expect(result.stdout).toMatchFileSnapshot(golden('list.priority.ids.txt'));
  });
});
