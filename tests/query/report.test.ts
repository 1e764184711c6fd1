// backlog report: progress and KPIs. Every figure below is counted by hand from
// tests/fixtures/query (10 workloads, 13 servers, 82 cores); the text and markdown reports are
// golden files in tests/golden/query.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult, type CliRunOptions } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const ROOT = join('tests', 'fixtures', 'query');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

interface Group {
  key: string;
  workloads: number;
  percent: number;
  servers: number;
  cores: number;
}

interface Report {
  asOf: string;
  totals: Record<string, number>;
  progress: Record<string, number>;
  byStatus: Group[];
  byStrategy: Group[];
  byWave: Group[];
  byCriticality: Group[];
  serversByStatus: Array<{ key: string; servers: number; percent: number; cores: number }>;
  outcomes: Array<{ id: string; title: string; category: string | null; stakeholder: string | null; metrics: Array<Record<string, unknown>> }>;
  openAssumptions: Array<{ id: string; statement: string; owner: string | null; review_by: string | null; overdue: boolean }>;
  openRemediations: Array<Record<string, unknown>>;
  blockedWorkloads: Array<{ id: string; name: string; wave: string | null; waitingFor: string[] }>;
}

function report(args: string[] = [], options: CliRunOptions = {}): Promise<CliResult> {
  return runCli(['report', '--root', ROOT, ...args], { cwd: repo, ...options });
}

async function json(args: string[] = [], options: CliRunOptions = {}): Promise<Report> {
  const result = await report([...args, '-f', 'json'], options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const group = (key: string, workloads: number, percent: number, servers: number, cores: number): Group => ({ key, workloads, percent, servers, cores });

describe('report --format json', () => {
  it('computes every measure', async () => {
    const { totals, progress, asOf } = await json();
    expect(asOf).toBe('2026-06-01');
    // toMove leaves out legacy-fax (retire, retired) and archive (retain, retained);
    // inService leaves out FAX01 (decommissioned).
    expect(totals).toEqual({ workloads: 10, toMove: 8, servers: 13, inService: 12, cores: 82 });
    expect(progress).toEqual({
      workloadsMigrated: 1, // data-lake
      serversMigrated: 2, // LAKE01, LAKE02 (CRM01 is only test-migrated)
      coresMigrated: 24, // 12 + 12
      memoryGbMigrated: 144, // 96 + 48
      workloadsRationalized: 8, // all but hr-portal (tbd) and mainframe (no strategy)
      percentWorkloadsMigrated: 12.5, // 1 of 8 to move
      percentServersMigrated: 16.7, // 2 of 12 in service
      remediationsOpen: 3, // rem-tls (in-progress), rem-sql (no status), rem-crm-api; not rem-fax (done)
      assumptionsOpen: 2, // as-bandwidth, as-licence (no status); not as-vendor (validated)
    });
  });

  it('counts and percentages by status, strategy, wave and criticality, with servers and cores', async () => {
    const r = await json();
    expect(r.byStatus).toEqual([
      group('assessing', 2, 20, 3, 25), // erp (SQL01 16, ERP-APP01 9), mainframe (MF01, no cores)
      group('ready', 2, 20, 2, 12), // crm (10), billing (2)
      group('blocked', 1, 10, 1, 4),
      group('identified', 1, 10, 2, 6), // intranet: INTRA01 2, HR01 4
      group('migrated', 1, 10, 2, 24),
      group('retained', 1, 10, 1, 2),
      group('retired', 1, 10, 1, 1),
      group('scheduled', 1, 10, 2, 12),
    ]);
    expect(r.byStrategy).toEqual([
      group('rehost', 2, 20, 4, 18),
      group('replatform', 2, 20, 2, 12),
      group('(none)', 1, 10, 1, 0),
      group('rearchitect', 1, 10, 2, 24),
      group('refactor', 1, 10, 2, 25),
      group('retain', 1, 10, 1, 2),
      group('retire', 1, 10, 1, 1),
      group('tbd', 1, 10, 1, 4),
    ]);
    // In wave order; HR01, shared by intranet (wave-2) and hr-portal (no wave), counts in both.
    expect(r.byWave).toEqual([group('wave-1', 2, 20, 4, 36), group('wave-2', 4, 40, 6, 43), group('final', 0, 0, 0, 0), group('(no wave)', 4, 40, 4, 7)]);
    expect(r.byCriticality).toEqual([
      group('mission-critical', 2, 20, 4, 37),
      group('unit-critical', 1, 10, 1, 10),
      group('high', 2, 20, 3, 26),
      group('medium', 1, 10, 1, 4),
      group('low', 2, 20, 3, 7),
      group('unsupported', 1, 10, 1, 2),
      group('(none)', 1, 10, 1, 0),
    ]);
    expect([...r.serversByStatus].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'decommissioned', servers: 1, percent: 7.7, cores: 1 },
      { key: 'migrated', servers: 2, percent: 15.4, cores: 24 },
      { key: 'not-started', servers: 8, percent: 61.5, cores: 31 },
      { key: 'replicating', servers: 1, percent: 7.7, cores: 16 },
      { key: 'test-migrated', servers: 1, percent: 7.7, cores: 10 },
    ]);
  });

  it('counts a server whose id an earlier one has once, with the figures of the first', async () => {
    const root = tempDir({
      'backlog.yaml': `waves: [{ id: w1, order: 1 }]
workloads:
  - { id: crm, name: CRM, owner: Ana, wave: w1, strategy: rehost }
  - { id: erp, name: ERP, owner: Bo, wave: w1, strategy: rehost }
servers:
  - { id: S1, workloads: [crm, erp], cores: 4, memory_gb: 8.5, status: migrated }
  - { id: S2, workloads: [erp] }
`,
      'more.yaml': 'servers:\n  - { id: s1, workloads: [erp], cores: 64, memory_gb: 2.25, status: decommissioned }\n',
    });
    const result = await runCli(['report', '--root', root, '-f', 'json', '--no-cache'], { cwd: repo });
    expect(result.stderr).toBe('');
    const r = JSON.parse(result.stdout) as Report;
    expect(r.totals).toEqual({ workloads: 2, toMove: 2, servers: 2, inService: 2, cores: 4 });
    expect([r.progress.serversMigrated, r.progress.coresMigrated, r.progress.memoryGbMigrated]).toEqual([1, 4, 8.5]);
    expect(r.serversByStatus).toEqual([
      { key: 'migrated', servers: 1, percent: 50, cores: 4 },
      { key: 'not-started', servers: 1, percent: 50, cores: 0 },
    ]);
    expect(r.byWave).toEqual([group('w1', 2, 100, 2, 4)]);
  });

  it('fills in computed measures next to manual metrics, with the progress from baseline to target', async () => {
    const metric = (id: string, name: string, kind: string, unit: string | null, baseline: number | null, current: number, target: number | null, due: string | null, measure: string | null, progress: number | null) => ({
      id, name, kind, unit, baseline, current, target, due, measure, progress,
    });
    expect((await json()).outcomes).toEqual([
      {
        id: 'out-exit',
        title: 'Leave the datacenter',
        category: 'fiscal',
        stakeholder: 'CFO',
        metrics: [
          // 12.5 of 0 -> 100: 12.5 %, rounded to 13.
          metric('m-workloads', 'Workloads migrated', 'progress', '%', 0, 12.5, 100, null, 'percent-workloads-migrated', 13),
          // 2 of 0 -> 12: 16.7 %, rounded to 17.
          metric('m-servers', 'Servers migrated', 'progress', null, 0, 2, 12, null, 'servers-migrated', 17),
          // No baseline or target: no progress.
          metric('m-cores', 'Cores migrated', 'progress', null, null, 24, null, null, 'cores-migrated', null),
          // Downwards: 50000 -> 44000 of the way to 30000 is 30 %.
          metric('m-cost', 'Monthly hosting cost', 'business', 'EUR', 50000, 44000, 30000, '2027-06-30', null, 30),
        ],
      },
      {
        id: 'out-agility',
        title: 'Ship customer features faster',
        category: 'agility',
        stakeholder: 'Chief Digital Officer',
        metrics: [
          metric('m-lead-time', 'Lead time', 'business', 'days', 30, 25, 5, null, null, 20),
          metric('m-rationalized', 'Workloads rationalized', 'learning', null, 0, 8, 10, null, 'workloads-rationalized', 80),
          metric('m-open-remediations', 'Open remediations', 'progress', null, 5, 3, 0, null, 'remediations-open', 40),
          metric('m-open-assumptions', 'Open assumptions', 'learning', null, 4, 2, 0, null, 'assumptions-open', 50),
        ],
      },
    ]);
  });

  it('open assumptions, overdue by --as-of (a review due today is not overdue yet)', async () => {
    const bandwidth = { id: 'as-bandwidth', statement: 'The 1 Gbit/s link is enough to replicate the payroll and CRM data.', owner: 'Network Team', review_by: '2026-05-15' };
    const licence = { id: 'as-licence', statement: 'ERP licences move to the cloud at no extra cost.', owner: 'Procurement', review_by: '2026-07-01' };
    expect((await json()).openAssumptions).toEqual([
      { ...bandwidth, overdue: true },
      { ...licence, overdue: false },
    ]);
    const later = await json(['--as-of', '2026-07-02']);
    expect(later.asOf).toBe('2026-07-02');
    expect(later.openAssumptions.map((a) => [a.id, a.overdue])).toEqual([
      ['as-bandwidth', true],
      ['as-licence', true],
    ]);
    expect((await json(['--as-of', '2026-05-15'])).openAssumptions.map((a) => [a.id, a.overdue])).toEqual([
      ['as-bandwidth', false],
      ['as-licence', false],
    ]);
    // BACKLOG_AS_OF when there is no --as-of.
    const fromEnv = await json([], { env: { BACKLOG_AS_OF: '2026-07-02' } });
    expect(fromEnv.asOf).toBe('2026-07-02');
    expect(fromEnv.openAssumptions.every((a) => a.overdue)).toBe(true);
  });

  it('rejects an --as-of that is not a date (exit 2)', async () => {
    const result = await report(['--as-of', '2026-02-30']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--as-of 2026-02-30: not a date');
  });

  // Was a bug, kept as a regression test: a bad --since was refused as `--as-of 2026-13-01: not a date`.
  it('rejects a --since that is not a date by its own name (exit 2)', async () => {
    expect(await report(['--history', '--since', '2026-13-01'])).toEqual({ code: 2, stdout: '', stderr: 'backlog: --since 2026-13-01: not a date, write YYYY-MM-DD\n' });
  });

  // Was a bug, kept as a regression test: the help offered markdown without saying --history refuses it.
  it('refuses a format of the other mode by name (exit 2), as its help says', async () => {
    expect(await report(['--history', '-f', 'markdown'])).toEqual({ code: 2, stdout: '', stderr: 'backlog: the history is text, csv, json or html\n' });
    expect(await report(['-f', 'csv'])).toEqual({ code: 2, stdout: '', stderr: 'backlog: csv is for --history; the report is text, markdown, json or html\n' });
    expect((await report(['--help'])).stdout).toContain('output format (markdown without --history, csv with it;');
  });

  it('open remediations, and blocked workloads with what they wait for', async () => {
    const r = await json();
    expect(r.openRemediations).toEqual([
      { id: 'rem-tls', title: 'Enable TLS 1.2 on payroll', severity: 'medium', status: 'in-progress', owner: 'Finance Ops', due: '2026-06-15' },
      { id: 'rem-sql', title: 'Upgrade SQL01 to SQL Server 2019', severity: 'high', status: 'open', owner: 'DBA Team', due: null },
      { id: 'rem-crm-api', title: 'Replace the SOAP API', severity: 'low', status: 'open', owner: null, due: null },
    ]);
    // hr-portal depends on mainframe, legacy-fax, data-lake and erp: legacy-fax is retired and
    // data-lake has moved, so it waits for mainframe and erp.
    expect(r.blockedWorkloads).toEqual([{ id: 'hr-portal', name: 'HR portal', wave: null, waitingFor: ['mainframe', 'erp'] }]);
  });
});

describe('report as text and markdown', () => {
  it('text: bars, breakdowns, KPIs and what is open (golden, no colour without a terminal)', async () => {
    const result = await report();
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('  Workloads migrated      ███░░░░░░░░░░░░░░░░░  12.5%  1 of 8 to move\n');
    expect(result.stdout).toContain('  Servers migrated        ███░░░░░░░░░░░░░░░░░  16.7%  2 of 12 in service\n');
    expect(result.stdout).toContain('  Cores migrated          24 of 82\n');
    expect(result.stdout).toContain('    Workloads migrated [progress]: 0 % → 12.5 % (computed) → 100 %  █░░░░░░░░░ 13%\n');
    expect(result.stdout).toContain('  as-bandwidth  review overdue since 2026-05-15  ');
    expect(result.stdout).toContain('  hr-portal  HR portal  waiting for mainframe, erp\n');
    await expect(result.stdout).toMatchFileSnapshot(golden('report.txt'));
    expect((await report([], { tty: true })).stdout).toContain('\u001b[');
  });

  it('markdown (golden)', async () => {
    const result = await report(['-f', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('| Workloads migrated | `█░░░░░░░░░` 12.5% | 1 of 8 to move |\n');
    expect(result.stdout).toContain('| Leave the datacenter | Workloads migrated (%) | progress | 0 | 12.5 (computed) | 100 |  | 13% |\n');
    expect(result.stdout).toContain('- **as-bandwidth** (review by 2026-05-15, overdue): ');
    expect(result.stdout).toContain('- **as-licence** (review by 2026-07-01): ');
    expect(result.stdout).toContain('- **hr-portal** HR portal, waiting for mainframe, erp\n');
    await expect(result.stdout).toMatchFileSnapshot(golden('report.md'));
  });
});
