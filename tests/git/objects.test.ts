// What git is asked about objects, in few processes: the ids of names (object-ids.ts), the
// contents of objects batch after batch (object-reader.ts) and the trees read from them
// (git-source.ts) answer as git does one by one.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeOf } from '../../src/git/git-source.js';
import { commitsOf, objectIds } from '../../src/git/object-ids.js';
import { ObjectReader } from '../../src/git/object-reader.js';
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
    repository.objects.close();
  });

  it('contents: batch after batch from one process, each answer the bytes git shows', async () => {
    const repository = await openRepository(dir);
    const reader = new ObjectReader(repository.top);
    const text = (contents: Map<string, Uint8Array>) => Object.fromEntries([...contents].map(([name, bytes]) => [name, Buffer.from(bytes).toString()]));
    // Asked before the first is answered: each batch gets its own answers, in order.
    const [first, second] = await Promise.all([reader.read(['HEAD:plan/big.yaml', 'HEAD:plan/missing.yaml', 'HEAD:plan/empty.yaml']), reader.read(['HEAD:plan/backlog.yaml', 'v1:README.md'])]);
    expect(text(first)).toEqual({ 'HEAD:plan/big.yaml': big, 'HEAD:plan/empty.yaml': '' });
    expect(text(second)).toEqual({ 'HEAD:plan/backlog.yaml': workload('crm'), 'v1:README.md': 'hi' });
    expect(text(await reader.read([revParse('HEAD:plan/backlog.yaml')]))).toEqual({ [revParse('HEAD:plan/backlog.yaml')]: workload('crm') });
    expect(await reader.read([])).toEqual(new Map());
    reader.close();
    // Nothing is asked after: a process started then would wait for input for ever.
    await expect(reader.read(['HEAD:plan/backlog.yaml'])).rejects.toThrow('git cat-file: asked after the command ended');
  });

  it('trees: the backlog files of a commit as `git ls-tree -r` lists them, a link told, a submodule left out', async () => {
    const repo = gitRepo([{ message: 'start', files: { 'plan/backlog.yaml': workload('crm'), 'plan/a/b/deep.yml': workload('deep'), 'plan/a/notes.md': '# not a backlog file\n', 'plan/ä é.yaml': workload('accents'), 'other.yaml': workload('outside') } }]);
    chmodSync(join(repo, 'plan', 'a', 'b', 'deep.yml'), 0o755);
    symlinkSync('backlog.yaml', join(repo, 'plan', 'link.yaml'));
    // A submodule's commit in the tree, as `git submodule add` leaves it.
    git(repo, ['update-index', '--add', '--cacheinfo', `160000,${git(repo, ['rev-parse', 'HEAD']).trim()},plan/vendored`]);
    mkdirSync(join(repo, 'plan', 'empty-folder'));
    writeFileSync(join(repo, 'plan', 'empty-folder', '.keep'), '');
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-qm', 'more']);
    const repository = await openRepository(join(repo, 'plan'));
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const listed = git(repo, ['ls-tree', '-r', '-z', head, '--', 'plan'])
      .split('\0')
      .filter(Boolean)
      .map((line) => /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line)!)
      .filter(([, , type, , path]) => type === 'blob' && /\.ya?ml$/.test(path!));
    const tree = await treeOf(repository, head);
    expect(tree.entries).toEqual(listed.filter(([, mode]) => mode !== '120000').map(([, , , blob, path]) => ({ path: path!.slice('plan/'.length), blob })));
    expect(tree.entries.map((entry) => entry.path)).toEqual(['a/b/deep.yml', 'backlog.yaml', 'ä é.yaml']);
    expect(tree.notices).toEqual([`skipped link.yaml: a symbolic link in ${head.slice(0, 7)}`]);
    // The commit before: the same three files, no link yet.
    const before = await treeOf(repository, git(repo, ['rev-parse', 'HEAD~1']).trim());
    expect([before.entries.map((entry) => entry.path), before.notices]).toEqual([['a/b/deep.yml', 'backlog.yaml', 'ä é.yaml'], []]);
    repository.objects.close();
  });
});
