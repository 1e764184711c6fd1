// The working tree with HEAD's files is answered as HEAD, from the review cache (git/worktree-commit.ts):
// `diff`, `validate --changed` and `log` must answer exactly as a run without the cache, which
// reads the working tree, whatever the working tree holds — and take the fast path only when
// its backlog files are HEAD's byte for byte.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { yamlFilesOf } from '../helpers/yaml-files.js';
import { CONTOSO } from '../helpers/emptied-contoso.js';
import { tempDir } from '../helpers/temp-dir.js';

// One of each: diff's formats and validate's JSON print what these do from the same sides.
const COMMANDS = [
  ['diff', 'HEAD~1', '-f', 'json'],
  // Stylish shows each finding's line: the texts of the working tree.
  ['validate', '--changed', '--base', 'HEAD~1'],
  ['log', 'crm', '-f', 'json'],
];

type Answers = Map<string[], Awaited<ReturnType<typeof runCli>>>;

/** The review entries of a cache folder that `run` reads (a read marks an entry as used), and what it answered. */
async function reviewEntriesRead<T>(cacheHome: string, run: () => Promise<T>): Promise<{ read: number; result: T }> {
  const dir = join(cacheHome, 'migration-backlog');
  const entries = () => readdirSync(dir).filter((name) => name.includes('.review.') && name.endsWith('.cache')).map((name) => join(dir, name));
  for (const entry of entries()) utimesSync(entry, new Date(2000, 0, 1), new Date(2000, 0, 1));
  const result = await run();
  return { read: entries().filter((entry) => statSync(entry).mtime.getFullYear() > 2000).length, result };
}

describe('the working tree as HEAD', () => {
  let dir: string;
  beforeAll(() => {
    const files = yamlFilesOf(CONTOSO);
    const crm = files['workloads/crm.yaml']!;
    expect(crm).toContain('priority: high');
    dir = gitRepo([
      { message: 'the example', files },
      { message: 'crm later', files: { 'workloads/crm.yaml': crm.replace('priority: high', 'priority: low') } },
    ]);
  });

  /**
   * Each command with the cache answers as without it, and `diff` reads `sidesRead` review
   * entries. The sides are kept on their second review (the first marks them), by whichever
   * command: on the first state `diff` marks and keeps them; the cache keeps them for the others.
   * `sameAs`: the answers without the cache of an earlier state with the same files to read.
   */
  async function expectSameAsWithoutCache(state: string, cacheHome: string, sidesRead: number, options: { keep?: boolean; sameAs?: Answers } = {}): Promise<Answers> {
    const withCache = (args: string[]) => runCli([...args, '--root', dir], { env: { XDG_CACHE_HOME: cacheHome } });
    const expected: Answers = options.sameAs ?? new Map();
    for (const args of options.sameAs ? [] : COMMANDS) {
      const result = await runCli([...args, '--root', dir], { env: { BACKLOG_NO_CACHE: '1' } });
      expect(result.code, `${state}: ${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
      expected.set(args, result);
    }
    const [diff, ...others] = COMMANDS as [string[], ...string[][]];
    if (options.keep) for (const run of ['marked', 'kept']) expect(await withCache(diff), `${state}: ${diff.join(' ')}, ${run}`).toEqual(expected.get(diff));
    const { read, result } = await reviewEntriesRead(cacheHome, () => withCache(diff));
    expect(result, `${state}: ${diff.join(' ')}, read`).toEqual(expected.get(diff));
    expect(read, `${state}: review entries read`).toBe(sidesRead);
    for (const args of others) expect(await withCache(args), `${state}: ${args.join(' ')}, read`).toEqual(expected.get(args));
    return expected;
  }

  it('answers from the cache exactly as from the files, clean or edited in every way', async () => {
    const cacheHome = tempDir();
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };

    // Both sides from the cache: the working tree is HEAD.
    const clean = await expectSameAsWithoutCache('clean', cacheHome, 2, { keep: true });

    // Rewritten with the bytes it had, and a file in a folder no backlog reads: still HEAD.
    write('workloads/crm.yaml', readFileSync(join(dir, 'workloads/crm.yaml'), 'utf8'));
    write('.drafts/idea.yaml', 'workloads:\n  - { id: idea, name: Idea }\n');
    // The files read are HEAD's as in the clean state: so are the answers without the cache.
    await expectSameAsWithoutCache('rewritten alike', cacheHome, 2, { sameAs: clean });

    // Modified, staged, added, deleted (while referenced), renamed, untracked and broken files.
    write('workloads/crm.yaml', readFileSync(join(dir, 'workloads/crm.yaml'), 'utf8').replace('priority: low', 'priority: medium'));
    write('workloads/payroll.yaml', `${readFileSync(join(dir, 'workloads/payroll.yaml'), 'utf8')}\n# reviewed\n`);
    git(dir, ['add', 'workloads/payroll.yaml']);
    write('workloads/new.yaml', 'workloads:\n  - { id: newcomer, name: Newcomer }\n');
    rmSync(join(dir, 'workloads/pilot.yaml'));
    mkdirSync(join(dir, 'people'));
    renameSync(join(dir, 'workloads/hr.yaml'), join(dir, 'people/hr.yaml'));
    write('broken.yaml', 'workloads:\n  - id: broken\n    name: [unclosed\n');
    // Only the base from the cache: the working tree is read.
    await expectSameAsWithoutCache('edited', cacheHome, 1);

    // One byte apart from HEAD, in a file of the same size: read, not taken for HEAD.
    git(dir, ['reset', '-q', '--hard']);
    git(dir, ['clean', '-q', '-fd']);
    const crm = readFileSync(join(dir, 'workloads/crm.yaml'), 'utf8');
    write('workloads/crm.yaml', crm.replace('priority: low', 'priority: lOw'));
    await expectSameAsWithoutCache('one byte', cacheHome, 1);

    write('workloads/crm.yaml', crm);
    await expectSameAsWithoutCache('clean again', cacheHome, 2, { sameAs: clean });
  });
});
