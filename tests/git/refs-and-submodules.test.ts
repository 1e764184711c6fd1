// Reviews name their commits as git does, and read the same files on both sides.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const workload = (id: string, priority: string) => `workloads:\n  - id: ${id}\n    name: ${id.toUpperCase()}\n    owner: Ana\n    priority: ${priority}\n`;

describe('revision ranges', () => {
  const dir = gitRepo([
    { message: 'base', files: { 'backlog.yaml': workload('crm', 'low') } },
    { message: 'on main', files: { 'main.yaml': workload('erp', 'low') } },
    { message: 'on a branch', branch: 'feature', files: { 'backlog.yaml': workload('crm', 'high') } },
  ]);
  const changed = async (...args: string[]) => {
    const result = await runCli(['diff', ...args, '-f', 'json', '--root', dir]);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout).changes.map((change: { id: string; change: string }) => `${change.change} ${change.id}`);
  };

  it('A..B compares A with B', async () => {
    expect(await changed('HEAD~2..feature')).toEqual(['changed crm', 'added erp']);
    expect(await changed('HEAD~2..')).toEqual(await changed('HEAD~2', 'HEAD'));
  });

  it('A...B compares the merge-base of A and B with B', async () => {
    git(dir, ['branch', '-f', 'other', 'HEAD~1']);
    git(dir, ['checkout', '-q', '-b', 'side', 'HEAD~2']);
    git(dir, ['commit', '-q', '--allow-empty', '-m', 'nothing']);
    git(dir, ['checkout', '-q', 'feature']);
    expect(await changed('side...feature')).toEqual(['changed crm', 'added erp']);
    expect(await changed('feature...side')).toEqual([]);
  });

  it('a range and a second ref together is a usage error', async () => {
    const result = await runCli(['diff', 'HEAD~1..HEAD', 'HEAD', '--root', dir]);
    expect(result.code).toBe(2);
  });
});

describe('a git submodule inside the backlog', () => {
  it('is read on neither side: a clean tree shows no change', async () => {
    const inner = gitRepo([{ message: 'shared', files: { 'shared.yaml': workload('shared', 'low') } }]);
    const dir = gitRepo([{ message: 'base', files: { 'backlog.yaml': workload('crm', 'low') } }]);
    execFileSync('git', ['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', inner, 'vendor/shared'], { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b' } });
    git(dir, ['commit', '-q', '-m', 'a submodule']);
    const result = await runCli(['diff', 'HEAD', '--exit-code', '-f', 'json', '--root', dir]);
    expect(JSON.parse(result.stdout).changes).toEqual([]);
    expect(result.code).toBe(0);
    const validated = await runCli(['validate', '-f', 'json', '--root', dir]);
    expect(JSON.parse(validated.stdout).summary.entities).toBe(1);
    expect(validated.stderr).toContain('skipped vendor/shared: a git repository of its own (a submodule)');
  });
});
