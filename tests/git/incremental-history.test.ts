// report --history builds each commit's model from the one before (git/commit-backlogs.ts): it
// must give what a load of each commit from scratch gives, whatever the commits changed.
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import { backlogAt, type BacklogAt } from '../../src/git/backlog-at.js';
import { commitBacklogs } from '../../src/git/commit-backlogs.js';
import { kpiHistory } from '../../src/git/kpi-history.js';
import { openRepository, run, type Repository } from '../../src/git/repository.js';
import { Cache } from '../../src/cache/cache.js';
import { ParseCache } from '../../src/load/parse-cache.js';
import { tempDir } from '../helpers/temp-dir.js';
import type { Backlog } from '../../src/model/backlog.js';
import { firstServers, inService } from '../../src/model/server-figures.js';
import { stays } from '../../src/model/status.js';
import { measures } from '../../src/query/report.js';
import { gitRepo, type Commit } from '../helpers/git-repo.js';

const STATUSES = ['identified', 'assessed', 'planned', 'migrating', 'migrated', 'optimized', 'retained'];
const STRATEGIES = ['tbd', 'rehost', 'retain', 'retire'];
const SERVER_STATUSES = ['not-started', 'migrated', 'decommissioned'];

/** A small deterministic generator of choices. */
function choices(seed: number): (n: number) => number {
  let state = seed;
  return (n) => Math.floor(((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
}

/** A file of workloads and their servers; ids repeat across files now and then (the first one counts). */
function teamFile(pick: (n: number) => number): string {
  const workloads = Array.from({ length: 1 + pick(3) }, () => `  - { id: w${pick(12)}, name: W, status: ${STATUSES[pick(STATUSES.length)]}, strategy: ${STRATEGIES[pick(STRATEGIES.length)]} }\n`);
  const servers = Array.from({ length: pick(3) }, () => `  - { id: s${pick(20)}, status: ${SERVER_STATUSES[pick(SERVER_STATUSES.length)]} }\n`);
  return `workloads:\n${workloads.join('')}${servers.length > 0 ? `servers:\n${servers.join('')}` : ''}`;
}

function history(): Commit[] {
  const pick = choices(11);
  const paths = ['a.yaml', 'b/c.yaml', 'b/d.yaml', 'e.yaml', 'f/g.yaml', 'old/h.yaml'];
  const first: Record<string, string | null> = { 'backlog.yaml': 'project:\n  name: Generated\n' };
  for (const path of paths) first[path] = teamFile(pick);
  const commits: Commit[] = [{ message: 'start', date: '2026-01-01', files: first }];
  for (let day = 2; day <= 12; day++) {
    const files: Record<string, string | null> = {};
    for (let n = 1 + pick(2); n > 0; n--) files[paths[pick(paths.length)]!] = teamFile(pick);
    if (day === 3) files['plan.yaml'] = 'waves:\n  - { id: wave-1, order: 1 }\ndependencies:\n  - { from: w1, to: w2 }\nworkloads:\n  - { id: w3, name: W, status: planned, strategy: rehost }\n';
    if (day === 4) files['b/d.yaml'] = null;
    if (day === 5) files['moved/d.yaml'] = teamFile(choices(5));
    if (day === 6) files['copy.yaml'] = teamFile(choices(5)); // the same content as moved/d.yaml
    if (day === 7) files['backlog.yaml'] = 'project:\n  name: Generated\n  exclude: [old/**]\n';
    if (day === 8) files['broken.yaml'] = 'workloads:\n  - id: broken\n    name: [unclosed\n';
    if (day === 9) files['backlog.yaml'] = 'project:\n  name: Generated\nworkloads:\n  - { id: w1, name: First of all, status: migrated }\n';
    if (day === 10) files['broken.yaml'] = null;
    commits.push({ message: `day ${day}`, date: `2026-01-${String(day).padStart(2, '0')}`, files });
  }
  return commits;
}

/** What the figures and the queries read of a backlog: every entity in order, and the first of each key. */
function shape(backlog: Backlog) {
  return Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      {
        entities: backlog.entities[name].map((entity) => [entity.key, entity.data]),
        first: [...backlog.byKey[name]].map(([key, entity]) => [key, entity.data]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      },
    ]),
  );
}

describe('the history built commit by commit', () => {
  const dir = gitRepo(history());
  // Each commit loaded from scratch once for the file: the model and the figures the tests
  // compare with do not depend on the day (only the findings do).
  let scratch: Promise<{ repository: Repository; commits: string[]; at: Map<string, BacklogAt> }> | undefined;
  // Its git process ends with the file, as a command's ends with the command.
  afterAll(async () => (await scratch)?.repository.objects.close());
  const fromScratch = () =>
    (scratch ??= (async () => {
      const repository = await openRepository(dir);
      const commits = (await run(repository, ['log', '--reverse', '--format=%H'])).split('\n').filter(Boolean);
      const at = new Map<string, BacklogAt>();
      for (const commit of commits) at.set(commit, await backlogAt(repository, commit, dir, { asOf: '2026-02-01' }));
      return { repository, commits, at };
    })());

  it('has at each commit the model a load of that commit has, of the collections asked for', async () => {
    const { repository, commits, at: loaded } = await fromScratch();
    const only = (shaped: ReturnType<typeof shape>, names: readonly string[]) => Object.fromEntries(Object.entries(shaped).map(([name, of]) => [name, names.includes(name) ? of : { entities: [], first: [] }]));
    const cache = new Cache(tempDir(), 'test');
    // Every collection and two of them from git, then the two from the parse cache: filled, then read.
    const runs = [[COLLECTION_NAMES, false], [['workloads', 'servers'], false], [['workloads', 'servers'], true], [['workloads', 'servers'], true]] as const;
    for (const [names, cached] of runs) {
      const parseCache = cached ? ParseCache.open(cache, dir) : undefined;
      let at = 0;
      for await (const backlog of commitBacklogs(repository, commits, names, parseCache ? { cache: () => parseCache } : {})) {
        const expected = shape(loaded.get(commits[at]!)!.result.backlog);
        if (at === commits.length - 1) expect(expected.dependencies!.entities, 'the last commit has a dependency to leave out').toHaveLength(1);
        expect(shape(backlog), `${names.join(', ')}${cached ? `, cache of ${parseCache!.size} entries` : ''}: commit ${at}`).toEqual(only(expected, names));
        at += 1;
      }
      expect(at).toBe(commits.length);
      await parseCache?.save('all');
    }
    expect(ParseCache.open(cache, dir).size).toBeGreaterThan(5);
  });

  it('gives the same KPIs with the parse cache, from which it takes the files git need not read', async () => {
    const repository = await openRepository(dir);
    const options = { every: 'day', today: '2026-01-14', since: '2025-12-31' } as const;
    const cache = new Cache(tempDir(), 'test');
    const withCache = async () => {
      const parseCache = ParseCache.open(cache, dir);
      const points = await kpiHistory(repository, { ...options, cache: () => parseCache });
      await parseCache.save('all');
      return points;
    };
    const plain = await kpiHistory(repository, options);
    // Cold, every file read from git; then warm, every file but the root file found by its blob id.
    expect(await withCache()).toEqual(plain);
    expect(await withCache()).toEqual(plain);
    const listing = await run(repository, ['ls-tree', '-r', 'HEAD']);
    const files = listing.split('\n').filter((line) => line.endsWith('.yaml') && !line.endsWith('\tbacklog.yaml'));
    expect(files.length).toBeGreaterThan(3);
    const warm = ParseCache.open(cache, dir);
    for (const line of files) {
      const [, , blob, path] = line.split(/\s+/) as [string, string, string, string];
      expect(warm.hasBlob(path, blob), path).toBe(true);
    }
    repository.objects.close();
  });

  it('gives the KPIs that loads of each commit from scratch give', async () => {
    const { repository, at } = await fromScratch();
    const points = await kpiHistory(repository, { every: 'day', today: '2026-01-14', since: '2025-12-31' });
    expect(points).toHaveLength(15);
    expect(points[0]!.commit).toBeNull();
    for (const point of points.slice(1)) {
      const { result } = at.get(point.commit!)!;
      const figures = measures(result.backlog, result.graph.serverFigures);
      const workloads = [...result.backlog.byKey.workloads.values()];
      expect(point, point.date).toEqual({
        date: point.date,
        commit: point.commit,
        workloads: workloads.length,
        workloads_to_move: workloads.filter((w) => !stays(w)).length,
        workloads_migrated: figures['workloads-migrated'],
        percent_workloads_migrated: figures['percent-workloads-migrated'],
        servers: result.backlog.byKey.servers.size,
        servers_in_service: inService(result.graph.serverFigures, firstServers(result.graph.serverFigures)).length,
        servers_migrated: figures['servers-migrated'],
        percent_servers_migrated: figures['percent-servers-migrated'],
        workloads_rationalized: figures['workloads-rationalized'],
      });
    }
  });
});
