// backlog log (one entity across commits and file moves), validate --changed, report --history.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDates } from '../../src/git/kpi-history.js';
import { git, gitRepo, type Commit } from '../helpers/git-repo.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const crm = (fields: string) => `workloads:\n  - { id: crm, name: CRM, owner: Ana, strategy: rehost${fields} }\n`;

describe('backlog log', () => {
  const dir = gitRepo([
    { message: 'add crm', date: '2026-01-05', files: { 'backlog.yaml': 'waves: [{ id: w1, order: 1 }, { id: w2, order: 2 }]\n', 'crm.yaml': crm('') } },
    { message: 'unrelated', date: '2026-01-06', files: { 'erp.yaml': 'workloads:\n  - { id: erp, name: ERP, owner: Bo }\n' } },
    { message: 'plan crm', date: '2026-01-07', files: { 'crm.yaml': crm(', wave: w1, priority: high') } },
    { message: 'one file per workload', date: '2026-01-08', files: { 'crm.yaml': null, 'workloads/crm.yaml': crm(', wave: w1, priority: high') } },
    { message: 'crm later', date: '2026-01-09', files: { 'workloads/crm.yaml': `# moved to the second wave\n${crm(', wave: w2, priority: high')}` } },
  ]);

  it('lists each commit that changed the entity, newest first, following it across files', async () => {
    const result = await runCli(['log', 'crm', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const { entity, history } = JSON.parse(result.stdout);
    expect(entity).toBe('workload:crm');
    expect(history.map((e: { subject: string; change: string; date: string; author: string; movedFrom?: string; file: string; fields: unknown[] }) => [e.subject, e.change, e.date.slice(0, 10), e.author, e.movedFrom ?? null, e.file, e.fields])).toEqual([
      ['crm later', 'changed', '2026-01-09', 'Ana Planner', null, 'workloads/crm.yaml', [{ path: 'wave', before: 'w1', after: 'w2' }]],
      ['one file per workload', 'moved', '2026-01-08', 'Ana Planner', 'crm.yaml', 'workloads/crm.yaml', []],
      ['plan crm', 'changed', '2026-01-07', 'Ana Planner', null, 'crm.yaml', [{ path: 'priority', before: null, after: 'high' }, { path: 'wave', before: null, after: 'w1' }]],
      ['add crm', 'added', '2026-01-05', 'Ana Planner', null, 'crm.yaml', [{ path: 'id', before: null, after: 'crm' }, { path: 'name', before: null, after: 'CRM' }, { path: 'owner', before: null, after: 'Ana' }, { path: 'strategy', before: null, after: 'rehost' }, { path: 'status', before: null, after: 'identified' }]],
    ]);
  });

  it('as text', async () => {
    const { stdout } = await runCli(['log', 'crm', '--max-count', '2'], { cwd: dir });
    expect(stdout.replace(/^[0-9a-f]{7}/gm, 'SHA')).toBe(
      'History of workload:crm\n\nSHA  2026-01-09  Ana Planner  crm later\n    wave: w1 → w2\n\nSHA  2026-01-08  Ana Planner  one file per workload\n    moved from crm.yaml to workloads/crm.yaml\n',
    );
  });

  it('follows the entity over more commits than git is asked about at once', async () => {
    // Every third commit moves crm to another wave; the others change another file.
    const many = gitRepo([
      { message: 'add crm', files: { 'backlog.yaml': 'project:\n  name: P\n', 'crm.yaml': crm(', wave: w0'), 'erp.yaml': 'workloads: []\n' } },
      ...Array.from({ length: 70 }, (_, i): Commit => ({ message: `step ${i + 1}`, files: (i + 1) % 3 === 0 ? { 'crm.yaml': crm(`, wave: w${i + 1}`) } : { 'erp.yaml': `workloads: []\n# ${i + 1}\n` } })),
    ]);
    const { history } = JSON.parse((await runCli(['log', 'crm', '-f', 'json', '--max-count', '100'], { cwd: many })).stdout);
    const moves = Array.from({ length: 23 }, (_, k) => 69 - 3 * k).map((step) => [`step ${step}`, [{ path: 'wave', before: `w${step - 3}`, after: `w${step}` }]]);
    expect(history.map((e: { subject: string; change: string; fields: unknown[] }) => [e.subject, e.change === 'added' ? 'added' : e.fields])).toEqual([...moves, ['add crm', 'added']]);
  });

  it('an unknown entity: exit 2 with a suggestion', async () => {
    const result = await runCli(['log', 'crn'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean `workload:crm`?');
  });
});

describe('validate --changed', () => {
  it('reports findings in changed files, and findings the change brings elsewhere', async () => {
    const dir = gitRepo([
      {
        message: 'base',
        files: {
          'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n  - { id: old, name: Old }\n',
          'deps.yaml': 'dependencies:\n  - { from: crm, to: erp }\n',
          'erp.yaml': 'workloads:\n  - { id: erp, name: ERP, owner: Bo }\n',
        },
      },
    ]);
    // Remove erp, which deps.yaml (unchanged) still names; add a file with a finding.
    writeFileSync(join(dir, 'erp.yaml'), 'workloads: []\n');
    writeFileSync(join(dir, 'new.yaml'), 'workloads:\n  - { id: hr, name: HR }\n');
    const result = await runCli(['validate', '--changed', '--base', 'HEAD', '-f', 'json'], { cwd: dir });
    const found = JSON.parse(result.stdout).diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`);
    // MISSING_OWNER of `old` in backlog.yaml was there before and its file did not change: left out.
    expect(found).toEqual(['UNKNOWN_REFERENCE deps.yaml', 'MISSING_OWNER new.yaml']);
    expect(result.code).toBe(1);
  });

  it('--base without --changed is a usage error', async () => {
    const dir = gitRepo([{ message: 'base', files: { 'backlog.yaml': 'workloads: []\n' } }]);
    expect((await runCli(['validate', '--base', 'HEAD'], { cwd: dir })).code).toBe(2);
  });
});

describe('report --history', () => {
  const dir = gitRepo([
    { message: 'start', date: '2026-01-05', files: { 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: rehost }\n  - { id: b, name: B, owner: O }\nservers:\n  - { id: A1, workloads: [a] }\n  - { id: B1, workloads: [b] }\n' } },
    { message: 'a moved', date: '2026-01-14', files: { 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: rehost, status: migrated }\n  - { id: b, name: B, owner: O, strategy: retire }\nservers:\n  - { id: A1, workloads: [a], status: migrated }\n  - { id: B1, workloads: [b] }\n  - { id: B2, workloads: [b], status: decommissioned }\n' } },
  ]);

  it('samples the KPIs from the commits of each date', async () => {
    const result = await runCli(['report', '--history', '--every', 'week', '--since', '2026-01-01', '-f', 'csv'], { cwd: dir, env: { BACKLOG_AS_OF: '2026-01-20' } });
    expect(result.code).toBe(0);
    const rows = result.stdout.trim().split('\r\n').map((line) => line.split(','));
    const at = (date: string) => rows.find((row) => row[0] === date)!;
    expect(rows[0]).toEqual(['date', 'commit', 'workloads', 'workloads_to_move', 'workloads_migrated', 'percent_workloads_migrated', 'servers', 'servers_in_service', 'servers_migrated', 'percent_servers_migrated', 'workloads_rationalized']);
    expect(rows.map((row) => row[0])).toEqual(['date', '2026-01-01', '2026-01-08', '2026-01-15', '2026-01-20']);
    expect(at('2026-01-01').slice(2)).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(at('2026-01-08').slice(2)).toEqual(['2', '2', '0', '0', '2', '2', '0', '0', '1']);
    expect(at('2026-01-15').slice(2)).toEqual(['2', '1', '1', '100', '3', '2', '1', '50', '2']);
  });

  // Was a bug, kept as a regression test: the chart left out the workloads rationalized (SPEC: "workloads and servers
  // migrated, rationalized"), and its lines were 85 columns wide.
  it('draws a burn-up of workloads and servers migrated and workloads rationalized, within 80 columns', async () => {
    const { stdout } = await runCli(['report', '--history', '--every', 'week', '--since', '2026-01-01'], { cwd: dir, env: { BACKLOG_AS_OF: '2026-01-15' } });
    expect(stdout.replace(/ [0-9a-f]{7}$/gm, ' SHA')).toBe(
      [
        'Migration burn-up, every week',
        '            workloads migrated      servers migrated          rationalized',
        '2026-01-01  (no backlog yet)',
        `2026-01-08  ${'░'.repeat(12)}    0/2     ${'░'.repeat(12)}     0/2         1/2     SHA`,
        `2026-01-15  ${'█'.repeat(12)}    1/1     ${'█'.repeat(6)}${'░'.repeat(6)}     1/2         2/2     SHA`,
        '',
      ].join('\n'),
    );
    expect(Math.max(...stdout.split('\n').map((line) => [...line].length))).toBeLessThanOrEqual(80);
  });

  it('samples days, weeks and calendar months', () => {
    expect(sampleDates('2026-01-30', '2026-02-02', 'day')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
    expect(sampleDates('2026-01-31', '2026-04-15', 'month')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-15']);
    expect(sampleDates('2026-01-01', '2026-01-15', 'week')).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
  });
});

// Was a bug, kept as a regression test: in a shallow clone the history was cut short without a word.
describe('history in a shallow clone', () => {
  it('log and report --history answer from the history there is, and say on stderr that it is cut short', async () => {
    const origin = gitRepo([
      { message: 'add crm', date: '2026-01-05', files: { 'backlog.yaml': crm('') } },
      { message: 'plan crm', date: '2026-01-07', files: { 'backlog.yaml': crm(', priority: high') } },
    ]);
    const clone = join(tempDir(), 'c');
    git(dirname(clone), ['clone', '-q', '--depth', '1', `file://${origin}`, 'c']);
    const warning = 'backlog: the history shown stops where this clone\'s does: this is a shallow clone: fetch the history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)\n';
    const log = await runCli(['log', 'crm', '-f', 'json'], { cwd: clone });
    expect({ code: log.code, stderr: log.stderr, commits: JSON.parse(log.stdout).history.length }).toEqual({ code: 0, stderr: warning, commits: 1 });
    const history = await runCli(['report', '--history', '-f', 'json'], { cwd: clone, env: { BACKLOG_AS_OF: '2026-01-08' } });
    expect({ code: history.code, stderr: history.stderr }).toEqual({ code: 0, stderr: warning });
    // A full clone: no warning.
    expect((await runCli(['log', 'crm', '-f', 'json'], { cwd: origin })).stderr).toBe('');
  });
});

