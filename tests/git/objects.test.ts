// What git is asked about objects, in few processes: the ids of names (object-ids.ts) answer
// as git does one by one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitsOf, objectIds } from '../../src/git/object-ids.js';
import { openRepository, resolveCommits } from '../../src/git/repository.js';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const workload = (id: string) => `workloads:\n  - { id: ${id}, name: ${id.toUpperCase()} }\n`;

describe('git objects', () => {
  // Larger than a pipe's chunk: its contents come in several pieces.
  const big = `workloads:\n${Array.from({ length: 6000 }, (_, i) => `  - { id: w${i}, name: Workload ${i} }\n`).join('')}`;
  const dir = gitRepo([
    { message: 'base', files: { 'README.md': 'hi' } },
    { message: 'plan', files: { 'plan/backlog.yaml': workload('crm'), 'plan/big.yaml': big, 'plan/empty.yaml': '' } },
  ]);
  git(dir, ['tag', 'v1', 'HEAD~1']);
  const revParse = (name: string) => git(dir, ['rev-parse', '--verify', '--quiet', name]).trim();

  it('names: answered as git rev-parse --verify does, commits, the backlog folder\'s trees, and nothing for what git does not know', async () => {
    const repository = await openRepository(join(dir, 'plan'));
    // A tag peels to its commit; the base has no plan folder; a name with a line break is no ref.
    expect(await commitsOf(repository, ['HEAD', 'v1', 'no-such-ref', 'HEAD\nmain'])).toEqual([revParse('HEAD^{commit}'), revParse('v1^{commit}'), undefined, undefined]);
    expect(await objectIds(repository, [`${revParse('HEAD')}:plan`, `${revParse('v1')}:plan`, 'HEAD:plan/backlog.yaml'])).toEqual([revParse('HEAD:plan'), undefined, undefined]);
    expect(repository.shallow).toBe(false);
    // The first unknown ref is the one told.
    await expect(resolveCommits(repository, ['HEAD', 'nope', 'nope2'])).rejects.toThrow('unknown git ref `nope`');
    expect((await runCli(['diff', 'nope', 'nope2', '--root', dir])).stderr).toContain('unknown git ref `nope2`');
  });
});
