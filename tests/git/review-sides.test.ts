// The review cache only ever saves time: `backlog diff` answers from it exactly as from git,
// whatever changed between the commits, whatever the day, and a damaged entry is ignored.
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { git, gitRepo, type Commit } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { yamlFilesOf } from '../helpers/yaml-files.js';
import { CONTOSO } from '../helpers/emptied-contoso.js';
import { tempDir } from '../helpers/temp-dir.js';

/** One commit per kind of change a review reports, each on the one before. */
function history(): { dir: string; commits: string[] } {
  const base = yamlFilesOf(CONTOSO);
  const edit = (path: string, from: string, to: string) => {
    expect(base[path], path).toContain(from);
    base[path] = base[path]!.replace(from, to);
    return { [path]: base[path]! };
  };
  const steps: Commit[] = [
    { message: 'the example', files: { ...base } },
    { message: 'a priority', files: edit('workloads/crm.yaml', 'priority: high', 'priority: low') },
    { message: 'a dependency', files: edit('dependencies.yaml', 'dependencies:\n', 'dependencies:\n  - { from: crm, to: payroll, port: 8443, protocol: tcp }\n') },
    { message: 'a file moved', files: { 'workloads/hr.yaml': null, 'people/hr.yaml': base['workloads/hr.yaml']! } },
    { message: 'a server reassigned', files: edit('workloads/crm.yaml', 'workloads: [crm]', 'workloads: [crm, payroll]') },
    { message: 'a workload removed while referenced', files: { 'workloads/pilot.yaml': null } },
  ];
  const dir = gitRepo(steps);
  const commits = git(dir, ['rev-list', '--reverse', 'HEAD']).trim().split('\n');
  return { dir, commits };
}

function cacheEnv(): Record<string, string> {
  return { XDG_CACHE_HOME: tempDir() };
}

/** The review entries in a cache folder; `all`: every entry (the parse results too). */
function entriesIn(env: Record<string, string>, all = false): string[] {
  const dir = join(env.XDG_CACHE_HOME!, 'migration-backlog');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cache') && (all || name.includes('.review.')))
    .map((name) => join(dir, name));
}

describe('review cache', () => {
  // One history for the file: each test has a cache folder of its own, and the cache is keyed
  // by content, so sharing the commits shares nothing else.
  let shared: { dir: string; commits: string[] };
  beforeAll(() => {
    shared = history();
  });

  it('answers every kind of change, in every format, from the cache exactly as from git', async () => {
    const { dir, commits } = shared;
    const env = cacheEnv();
    // The review from the first commit to the last holds every kind of change; the one before
    // the last, a workload removed while referenced, on its own.
    const pairs = [[commits[0]!, commits.at(-1)!], [commits.at(-2)!, commits.at(-1)!]];
    const answers = new Map<string, Awaited<ReturnType<typeof runCli>>>();
    for (const [base, head] of pairs) {
      // Every format is made from the same review: JSON, which holds all of it, for each pair;
      // the others for the pair with every kind of change.
      const formats = base === commits[0] ? ['json', 'text', 'markdown'] : ['json'];
      for (const format of formats) {
        const args = ['diff', base!, head!, '-f', format, '--root', dir];
        const fromGit = await runCli(args, { env: { ...env, BACKLOG_NO_CACHE: '1' } });
        // The first review of a commit marks it, the second keeps it, the third reads it: the
        // cache holds sides, not formats, so the formats after JSON read what JSON kept.
        const runs = format === 'json' ? ['first', 'second'] : [];
        for (const run of runs) expect(await runCli(args, { env }), `${base}..${head} -f ${format}, ${run}`).toEqual(fromGit);
        for (const entry of entriesIn(env)) utimesSync(entry, new Date(2000, 0, 1), new Date(2000, 0, 1));
        expect(await runCli(args, { env }), `${base}..${head} -f ${format}, from the cache`).toEqual(fromGit);
        // Both entries were read (a read marks an entry as used).
        const used = entriesIn(env).filter((entry) => statSync(entry).mtime.getFullYear() > 2000);
        expect(used, `${base}..${head} -f ${format}`).toHaveLength(2);
        answers.set(`${base}..${head} ${format}`, fromGit);
      }
    }
    const json = JSON.parse(answers.get(`${commits[0]}..${commits.at(-1)} json`)!.stdout);
    expect(json.planning.priority).toEqual([{ id: 'crm', before: 'high', after: 'low' }]);
    expect(json.planning.edgesAdded.length).toBeGreaterThan(0);
    expect(json.findings.introduced.length).toBeGreaterThan(0);
  });

  it('keeps the findings of each day apart', async () => {
    const { dir, commits } = shared;
    const env = cacheEnv();
    const args = (asOf: string) => ['diff', commits[0]!, commits.at(-1)!, '-f', 'json', '--as-of', asOf, '--root', dir];
    const fromGit = new Map<string, Awaited<ReturnType<typeof runCli>>>();
    for (const asOf of ['2026-06-01', '2027-06-01']) fromGit.set(asOf, await runCli(args(asOf), { env: { ...env, BACKLOG_NO_CACHE: '1' } }));
    for (const asOf of ['2026-06-01', '2027-06-01', '2026-06-01', '2027-06-01']) expect(await runCli(args(asOf), { env }), asOf).toEqual(fromGit.get(asOf));
    expect(entriesIn(env)).toHaveLength(4);
  });

  it('writes no entry on the first review when both commits have the same backlog (a change outside it)', async () => {
    const { dir, commits } = shared;
    git(dir, ['commit', '-q', '--allow-empty', '-m', 'nothing in the backlog']);
    const env = cacheEnv();
    const result = await runCli(['diff', commits.at(-1)!, 'HEAD', '-f', 'json', '--root', dir], { env });
    expect(JSON.parse(result.stdout).changes).toEqual([]);
    expect(entriesIn(env)).toEqual([]);
  });

  it('answers when the cache cannot be written where it marks commits', async () => {
    const { dir, commits } = shared;
    const env = cacheEnv();
    const args = ['diff', commits[0]!, commits[1]!, '-f', 'json', '--root', dir];
    const expected = await runCli(args, { env });
    // Each marker replaced by a folder: it can be neither removed nor written as a file.
    const folder = join(env.XDG_CACHE_HOME!, 'migration-backlog');
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.seen'))) {
      rmSync(join(folder, name));
      mkdirSync(join(folder, name, 'inside'), { recursive: true });
    }
    expect(await runCli(args, { env })).toEqual(expected);
  });

  it('keeps a commit only once it is reviewed a second time, ignores a damaged entry, and keeps only the newest entries', async () => {
    const { dir, commits } = shared;
    const env = cacheEnv();
    const args = ['diff', commits[0]!, commits[1]!, '-f', 'json', '--root', dir];
    const expected = await runCli(args, { env });
    // A review done once writes no entry; the second writes both sides'.
    expect(entriesIn(env)).toEqual([]);
    await runCli(args, { env });
    expect(entriesIn(env)).toHaveLength(2);
    for (const [i, entry] of entriesIn(env).entries()) writeFileSync(entry, ['', 'garbage', '40\n{"format":1,"sections":{"a":[0,99,"x"]}}'][i % 3]!);
    expect(await runCli(args, { env })).toEqual(expected);

    // Older entries of the root beyond the keyed ones it keeps (12): the next review's tidy
    // removes the least recently used. Its parse results, not keyed, stay.
    const real = entriesIn(env, true);
    const folder = dirname(real[0]!);
    const prefix = basename(real[0]!).split('.')[0]!;
    const old = Array.from({ length: 16 }, (_, n) => join(folder, `${prefix}.review.old-${String(n).padStart(2, '0')}.cache`));
    old.forEach((path, n) => (writeFileSync(path, 'old'), utimesSync(path, new Date(2000, 0, n + 1), new Date(2000, 0, n + 1))));
    const later = ['diff', commits[0]!, commits.at(-1)!, '--as-of', '2026-07-01', '--root', dir];
    expect((await runCli(later, { env })).code).toBe(0);
    expect((await runCli(later, { env })).code).toBe(0);
    const kept = entriesIn(env, true);
    const keptOld = kept.filter((path) => old.includes(path));
    expect(kept.filter((path) => basename(path).split('.').length > 3)).toHaveLength(12);
    expect(kept.filter((path) => basename(path).split('.').length === 3).map((path) => basename(path).split('.')[1])).toEqual(['parse']);
    expect(real.every((path) => kept.includes(path))).toBe(true);
    // The newest of the old ones fill what is left.
    expect(keptOld.length).toBeGreaterThan(0);
    expect(keptOld.sort()).toEqual(old.slice(old.length - keptOld.length));
  });
});
