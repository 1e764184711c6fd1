// backlog diff: entities matched by collection and id, not by file or line; the plan; findings.
import { cpSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'git', name);

const BASE = {
  'backlog.yaml': 'waves:\n  - { id: w1, order: 1 }\n  - { id: w2, order: 2 }\n',
  'workloads/crm.yaml': '# The CRM.\nworkloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    priority: medium\n    strategy: rehost\n    wave: w2\nservers:\n  - { id: CRM01, workloads: [crm], cores: 4 }\n',
  'workloads/erp.yaml': 'workloads:\n  - { id: erp, name: ERP, owner: Ana, strategy: rehost, wave: w2 }\n  - { id: hr, name: HR, owner: Ben, strategy: rehost, wave: w1 }\ndependencies:\n  - { from: server:CRM01, to: erp, port: 1433, protocol: tcp }\n',
};

async function diff(dir: string, args: string[]) {
  return runCli(['diff', ...args], { cwd: dir });
}

async function changesOf(dir: string, args: string[]) {
  const result = await diff(dir, [...args, '-f', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('what counts as a change', () => {
  it('moving an entity to another file, renaming a file or reordering a list is no change', async () => {
    const dir = gitRepo([
      { message: 'base', files: BASE },
      {
        message: 'move things around',
        files: {
          'workloads/erp.yaml': null,
          'workloads/hr.yaml': 'workloads:\n  - { id: hr, name: HR, owner: Ben, strategy: rehost, wave: w1 }\n',
          'planning/erp-and-deps.yaml': 'dependencies:\n  - { protocol: tcp, port: 1433, to: erp, from: server:CRM01 }\nworkloads:\n  - { wave: w2, strategy: rehost, owner: Ana, name: ERP, id: erp }\n',
        },
      },
    ]);
    const json = await changesOf(dir, ['HEAD~1', 'HEAD']);
    expect(json.changes).toEqual([]);
    expect(json.findings).toEqual({ introduced: [], fixed: [] });
    expect((await diff(dir, ['HEAD~1', 'HEAD'])).stdout).toContain('No changes to the backlog.');
  });

  it('reports fields old -> new, entities added and removed, and the plan', async () => {
    const dir = gitRepo([
      { message: 'base', files: BASE },
      {
        message: 'plan',
        files: {
          'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('priority: medium', 'priority: high').replace('wave: w2', 'wave: w1').replace('cores: 4', 'cores: 8'),
          'workloads/erp.yaml': 'workloads:\n  - { id: erp, name: ERP, owner: Ana, strategy: rehost, wave: w2 }\n  - { id: pay, name: Pay, owner: Ben, strategy: replatform, wave: w2 }\ndependencies:\n  - { from: server:CRM01, to: erp, port: 1433, protocol: tcp }\n',
        },
      },
    ]);
    const json = await changesOf(dir, ['HEAD~1', 'HEAD']);
    expect(json.changes.map((c: { collection: string; id: string; change: string; fields: unknown[] }) => [c.collection, c.id, c.change, c.fields])).toEqual([
      ['workloads', 'crm', 'changed', [{ path: 'priority', before: 'medium', after: 'high' }, { path: 'wave', before: 'w2', after: 'w1' }]],
      ['workloads', 'pay', 'added', [{ path: 'id', before: null, after: 'pay' }, { path: 'name', before: null, after: 'Pay' }, { path: 'owner', before: null, after: 'Ben' }, { path: 'strategy', before: null, after: 'replatform' }, { path: 'status', before: null, after: 'identified' }, { path: 'wave', before: null, after: 'w2' }]],
      ['workloads', 'hr', 'removed', [{ path: 'id', before: 'hr', after: null }, { path: 'name', before: 'HR', after: null }, { path: 'owner', before: 'Ben', after: null }, { path: 'strategy', before: 'rehost', after: null }, { path: 'status', before: 'identified', after: null }, { path: 'wave', before: 'w1', after: null }]],
      ['servers', 'CRM01', 'changed', [{ path: 'cores', before: 4, after: 8 }]],
    ]);
    expect(json.planning.priority).toEqual([{ id: 'crm', before: 'medium', after: 'high' }]);
    expect(json.planning.wave).toEqual([{ id: 'crm', before: 'w2', after: 'w1' }]);
    // crm moved before erp, which it depends on through its server: a new warning.
    expect(json.findings.introduced.map((d: { code: string; entity: string }) => `${d.code} ${d.entity}`)).toEqual(['WAVE_ORDER workload:crm']);
    expect(json.findings.fixed).toEqual([]);
    expect(json.base).toBe(git(dir, ['rev-parse', 'HEAD~1']).trim());
    expect(json.head).toBe(git(dir, ['rev-parse', 'HEAD']).trim());
  });

  it('identifies a dependency without an id by its edge: a new port is a new edge', async () => {
    const dir = gitRepo([
      { message: 'base', files: BASE },
      { message: 'port', files: { 'workloads/erp.yaml': BASE['workloads/erp.yaml'].replace('port: 1433', 'port: 1434') } },
    ]);
    const json = await changesOf(dir, ['HEAD~1', 'HEAD']);
    expect(json.changes.map((c: { id: string; change: string }) => `${c.change} ${c.id}`)).toEqual(['added server:CRM01->erp:1434/tcp', 'removed server:CRM01->erp:1433/tcp']);
  });

  it('compares a commit with the working tree by default, and the base defaults to the merge-base with main', async () => {
    const dir = gitRepo([
      { message: 'base', files: BASE },
      { message: 'on a branch', branch: 'plan', files: { 'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('owner: Ana', 'owner: Carla') } },
    ]);
    writeFileSync(join(dir, 'workloads/erp.yaml'), BASE['workloads/erp.yaml'].replace('owner: Ben', 'owner: Dan'));
    const json = await changesOf(dir, []);
    expect(json.head).toBe('WORKTREE');
    expect(json.base).toBe(git(dir, ['rev-parse', 'main']).trim());
    expect(json.planning.owner).toEqual([{ id: 'crm', before: 'Ana', after: 'Carla' }, { id: 'hr', before: 'Ben', after: 'Dan' }]);
  });

  it('--exit-code exits 1 on changes, 0 without', async () => {
    const dir = gitRepo([
      { message: 'base', files: BASE },
      { message: 'same', files: { 'notes.txt': 'not backlog' } },
    ]);
    expect((await diff(dir, ['HEAD~1', 'HEAD', '--exit-code'])).code).toBe(0);
    writeFileSync(join(dir, 'backlog.yaml'), `${BASE['backlog.yaml']}  - { id: w3, order: 3 }\n`);
    expect((await diff(dir, ['HEAD', '--exit-code'])).code).toBe(1);
  });

  it('reports findings fixed', async () => {
    const dir = gitRepo([
      { message: 'broken', files: { ...BASE, 'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('wave: w2', 'wave: w9') } },
      { message: 'fixed', files: { 'workloads/crm.yaml': BASE['workloads/crm.yaml'] } },
    ]);
    const json = await changesOf(dir, ['HEAD~1', 'HEAD']);
    expect(json.findings.fixed.map((d: { code: string }) => d.code)).toEqual(['UNKNOWN_REFERENCE']);
  });
});

describe('the done-means scenario on examples/contoso', () => {
  it('names a raised priority, a wave move, a wrong-way dependency and the new WAVE_ORDER finding', async () => {
    const dir = tempDir();
    cpSync(join(import.meta.dirname, '..', '..', 'examples', 'contoso'), dir, { recursive: true });
    git(dir, ['init', '-q', '-b', 'main']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'contoso'], { GIT_AUTHOR_DATE: '2026-01-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T12:00:00Z' });
    await runCli(['set', 'marketing-cms', 'priority=high', '--root', dir]);
    await runCli(['set', 'expenses', 'wave=wave-4', '--root', dir]);
    // intranet (wave-2) now depends on crm (wave-5): the wrong way.
    await runCli(['set', 'intranet', 'depends_on=file-services,crm', '--root', dir]);
    git(dir, ['commit', '-q', '-am', 'plan changes'], { GIT_AUTHOR_DATE: '2026-01-02T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-02T12:00:00Z' });
    const result = await diff(dir, ['HEAD~1', 'HEAD', '-f', 'markdown']);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text.split('\n')[0]).toBe('<!-- backlog-diff -->');
    expect(text).toContain('- **Priority**: `marketing-cms` `medium` → **`high`**');
    expect(text).toContain('- **Wave moves**: `expenses` `wave-3` → **`wave-4`**');
    expect(text).toContain('- **New dependencies**: `intranet` → `crm` ⚠️ crosses waves the wrong way');
    expect(text).toMatch(/🆕 introduced \| warning \| `WAVE_ORDER` \| `workloads\/intranet\.yaml:\d+` \| `intranet` is in wave-2 \(order 2\) but depends on `crm`/);
    expect(text.length).toBeLessThan(60_000);
    const stable = text.replace(/`[0-9a-f]{7}`/g, '`SHA`');
    await expect(stable).toMatchFileSnapshot(golden('contoso.diff.md'));
  });
});

describe('errors', () => {
  it('outside a git repository: exit 2', async () => {
    const dir = tempDir({ 'backlog.yaml': BASE['backlog.yaml'] });
    const result = await diff(dir, ['HEAD']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not in a git repository/);
  });

  it('an unknown ref: exit 2', async () => {
    const dir = gitRepo([{ message: 'base', files: BASE }]);
    const result = await diff(dir, ['no-such-branch']);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('unknown git ref `no-such-branch`');
  });

  it('a shallow clone without the base: exit 2 with the fetch-depth hint', async () => {
    const origin = gitRepo([
      { message: 'one', files: BASE },
      { message: 'two', files: { 'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('Ana', 'Bo') } },
    ]);
    const clone = tempDir();
    git(clone, ['clone', '-q', '--depth', '1', `file://${origin}`, 'c']);
    const result = await diff(join(clone, 'c'), ['HEAD~1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fetch-depth: 0');
  });

  // Was a bug, kept as a regression test: it said "no base ... or set GITHUB_BASE_REF", which was set.
  it("a pull request's shallow checkout (actions/checkout's default) with GITHUB_BASE_REF: the base is missing, fetch-depth: 0 brings it", async () => {
    const origin = gitRepo([
      { message: 'one', files: BASE },
      { message: 'two', branch: 'change', files: { 'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('Ana', 'Bo') } },
    ]);
    // As actions/checkout does for a pull request: only the merge commit, one deep.
    const clone = tempDir();
    git(clone, ['init', '-q']);
    git(clone, ['fetch', '-q', '--depth=1', `file://${origin}`, '+refs/heads/change:refs/remotes/pull/7/merge']);
    git(clone, ['checkout', '-q', '--detach', 'refs/remotes/pull/7/merge']);
    const result = await runCli(['diff'], { cwd: clone, env: { GITHUB_BASE_REF: 'main' } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'backlog: the base of the pull request, origin/main (GITHUB_BASE_REF), is not in this clone\n' +
        'hint: this is a shallow clone: check it out with `fetch-depth: 0` (actions/checkout), which brings the base branch and its history\n',
    });

    // A full clone without the branch: fetch it. With it as a local branch only: reviewed against it.
    const full = gitRepo([
      { message: 'one', files: BASE },
      { message: 'two', branch: 'topic', files: { 'README.md': 'hi' } },
    ]);
    expect((await runCli(['diff'], { cwd: full, env: { GITHUB_BASE_REF: 'release' } })).stderr).toBe(
      'backlog: the base of the pull request, origin/release (GITHUB_BASE_REF), is not in this clone\nhint: fetch it: `git fetch origin release`\n',
    );
    expect(await runCli(['diff', '--exit-code'], { cwd: full, env: { GITHUB_BASE_REF: 'main' } })).toMatchObject({ code: 0, stderr: '' });
  });

  it("a GitLab merge request's pipeline: the base is CI_MERGE_REQUEST_DIFF_BASE_SHA, for diff and validate --changed; a shallow clone without it is told GIT_DEPTH", async () => {
    const origin = gitRepo([
      { message: 'one', files: BASE },
      { message: 'two', branch: 'change', files: { 'workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('Ana', 'Bo').replace('priority: medium', 'priority: urgent') } },
    ]);
    // As GitLab's runner checks out a merge request: the source branch's commit, detached, no main.
    const base = git(origin, ['rev-parse', 'main']).trim();
    const clone = tempDir();
    git(clone, ['init', '-q']);
    git(clone, ['fetch', '-q', `file://${origin}`, '+refs/heads/change:refs/remotes/origin/change']);
    git(clone, ['checkout', '-q', '--detach', 'origin/change']);
    const env = { CI_MERGE_REQUEST_DIFF_BASE_SHA: base, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };
    expect((await runCli(['diff', '--exit-code'], { cwd: clone })).stderr).toBe(
      'backlog: no base to compare with: name one (`backlog diff BASE`, `validate --changed --base BASE`), or set GITHUB_BASE_REF\nhint: none of origin/HEAD, main or master exists here\n',
    );
    const reviewed = await runCli(['diff', '--exit-code', '-f', 'json'], { cwd: clone, env });
    expect(reviewed).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(reviewed.stdout)).toMatchObject({ base, planning: { priority: [{ id: 'crm', before: 'medium', after: null }] } });
    const changed = await runCli(['validate', '--changed', '-f', 'json'], { cwd: clone, env });
    expect(changed.code).toBe(1);
    expect((JSON.parse(changed.stdout) as { diagnostics: Array<{ code: string; file: string }> }).diagnostics.map((d) => [d.code, d.file])).toEqual([['INVALID_VALUE', 'workloads/crm.yaml']]);

    // A merged-results pipeline: the change merged onto the target's newer tip, which is the base;
    // what the target gained since the merge-base is not the merge request's.
    git(origin, ['checkout', '-q', 'main']);
    writeFileSync(join(origin, 'workloads', 'erp.yaml'), BASE['workloads/erp.yaml'].replace('owner: Ben', 'owner: Cy'));
    git(origin, ['commit', '-qam', 'main moves on']);
    const tip = git(origin, ['rev-parse', 'main']).trim();
    git(origin, ['merge', '-q', '--no-ff', '-m', 'merged result', 'change']);
    const merged = tempDir();
    git(merged, ['init', '-q']);
    git(merged, ['fetch', '-q', `file://${origin}`, '+refs/heads/main:refs/remotes/origin/main']);
    git(merged, ['checkout', '-q', '--detach', 'origin/main']);
    const resulting = JSON.parse((await runCli(['diff', '-f', 'json'], { cwd: merged, env: { ...env, CI_MERGE_REQUEST_TARGET_BRANCH_SHA: tip } })).stdout);
    expect(resulting.base).toBe(tip);
    expect(resulting.changes.map((c: { id: string }) => c.id)).toEqual(['crm']);

    const shallow = tempDir();
    git(shallow, ['init', '-q']);
    git(shallow, ['fetch', '-q', '--depth=1', `file://${origin}`, '+refs/heads/change:refs/remotes/origin/change']);
    git(shallow, ['checkout', '-q', '--detach', 'origin/change']);
    expect(await runCli(['validate', '--changed'], { cwd: shallow, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: `backlog: the base of the merge request, ${base.slice(0, 12)} (CI_MERGE_REQUEST_DIFF_BASE_SHA), is not in this clone\nhint: this is a shallow clone: set \`GIT_DEPTH: 0\` in the job's variables, which brings the whole history\n`,
    });
  });

  it('a backlog that did not exist at the base: everything is added', async () => {
    const dir = gitRepo([
      { message: 'empty', files: { 'README.md': 'hi' } },
      { message: 'backlog', files: BASE },
    ]);
    const json = await changesOf(dir, ['HEAD~1', 'HEAD']);
    expect(json.changes.every((c: { change: string }) => c.change === 'added')).toBe(true);
    expect(json.changes).toHaveLength(7);
  });

  it('a backlog folder reached through a symbolic link: the same review', async () => {
    const dir = gitRepo([
      { message: 'base', files: Object.fromEntries(Object.entries(BASE).map(([path, text]) => [`plan/${path}`, text])) },
      { message: 'change', files: { 'plan/workloads/crm.yaml': BASE['workloads/crm.yaml'].replace('priority: medium', 'priority: high') } },
    ]);
    const link = join(tempDir(), 'link');
    symlinkSync(join(dir, 'plan'), link);
    const through = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', link], { cwd: dir });
    expect(through.code).toBe(0);
    expect(through).toEqual(await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', join(dir, 'plan')], { cwd: dir }));
  });
});

describe('the markdown comment', () => {
  it('stays under 60,000 characters, with a note on what it left out', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => `  - { id: w${i}, name: Workload number ${i} with a long name, owner: Ana, strategy: rehost }`).join('\n');
    const dir = gitRepo([
      { message: 'base', files: { 'backlog.yaml': 'workloads: []\n' } },
      { message: 'many', files: { 'backlog.yaml': `workloads:\n${many}\n` } },
    ]);
    const text = (await diff(dir, ['HEAD~1', 'HEAD', '-f', 'markdown'])).stdout;
    expect(text.length).toBeLessThan(60_000);
    expect(text).toMatch(/… and \d+ more changed entities, left out to keep this comment short/);
    expect(readdirSync(dir)).toContain('backlog.yaml');
    expect(readFileSync(join(dir, 'backlog.yaml'), 'utf8')).toContain('w1999');
  });
});
