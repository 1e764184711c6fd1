// The snapshot of the model only ever saves time: a query answered from it answers exactly as
// one that read the files, and any change to the files — even one that keeps a file's size and
// modification time — makes the next query read them again.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlogPaths } from '../../src/load/file-filter.js';
import { fsSource } from '../../src/load/fs-source.js';
import { Cache } from '../../src/cache/cache.js';
import { loadBacklog } from '../../src/load/load-backlog.js';
import { openSnapshot, saveSnapshot } from '../../src/load/snapshot.js';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, read, tempDir } from '../helpers/temp-dir.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const fixtures = join(import.meta.dirname, '..', 'fixtures');

function cacheEnv(): Record<string, string> {
  return { XDG_CACHE_HOME: tempDir() };
}

function snapshotsIn(env: Record<string, string>): string[] {
  const dir = join(env.XDG_CACHE_HOME!, 'migration-backlog');
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.snapshot.cache')) : [];
}

/** A cache of its own, in a folder of its own. */
function testCache(version = 'test'): Cache {
  return new Cache(join(cacheEnv().XDG_CACHE_HOME!, 'migration-backlog'), version);
}

/** Takes a snapshot of a backlog as the CLI does; `takenAt` later than now makes every file old (not racy). */
async function takeSnapshot(root: string, cache: Cache, takenAt: number) {
  const source = fsSource(root);
  const read = await loadBacklog(source);
  await saveSnapshot(cache, root, source, { exclude: read.root.exclude, rootFile: read.root.file, files: read.files, backlog: read.backlog, drafts: read.drafts, unreadableFiles: read.unreadableFiles }, takenAt);
  return read;
}

function open(root: string, cache: Cache) {
  const source = fsSource(root);
  return openSnapshot(cache, root, source, (exclude) => backlogPaths(source, exclude));
}

/** Rewrites a file with other bytes of the same length, its modification time put back. */
function rewriteSameSize(root: string, path: string, from: string, to: string): void {
  const full = join(root, path);
  const before = statSync(full);
  const text = read(root, path);
  expect(text).toContain(from);
  expect(to).toHaveLength(from.length);
  writeFileSync(full, text.replace(from, to));
  utimesSync(full, before.atime, before.mtime);
  expect(statSync(full).size).toBe(before.size);
}

describe('snapshot of the model', () => {
  it('gives back every collection, the project and the findings of each example and fixture exactly', async () => {
    const dirs = [join(examples, 'contoso'), join(examples, 'broken'), ...readdirSync(fixtures).map((name) => join(fixtures, name))];
    let compared = 0;
    for (const dir of dirs) {
      if (!existsSync(join(dir, 'backlog.yaml'))) continue;
      const root = copyOf(dir);
      const location = testCache();
      const fromFiles = await takeSnapshot(root, location, Date.now() + 60_000);
      const snapshot = await open(root, location);
      expect(snapshot, dir).toBeDefined();
      for (const name of COLLECTION_NAMES) expect(snapshot!.backlog.entities[name], `${dir} ${name}`).toEqual(fromFiles.backlog.entities[name]);
      expect(snapshot!.backlog.project).toEqual(fromFiles.backlog.project);
      expect(snapshot!.backlog.projectLocation).toEqual(fromFiles.backlog.projectLocation);
      expect(snapshot!.drafts).toEqual(fromFiles.drafts);
      expect(snapshot!.unreadableFiles).toEqual(fromFiles.unreadableFiles);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('answers list, show, graph, report and export from the snapshot exactly as from the files', async () => {
    for (const example of ['contoso', 'broken']) {
      const root = copyOf(join(examples, example));
      const env = cacheEnv();
      for (const args of [['list', '--priority'], ['list', 'servers', '--sort', '-cores'], ['list', '--columns', 'id,servers,blocked_by,move_group'], ['show', 'crm'], ['graph', '-f', 'dot'], ['report', '-f', 'json'], ['export', '-f', 'csv']]) {
        const fromFiles = await runCli([...args, '--root', root, '--no-cache'], { env });
        // The first run with the cache takes the snapshot; every query after reads it.
        if (snapshotsIn(env).length === 0) await runCli([...args, '--root', root], { env });
        expect(snapshotsIn(env)).toHaveLength(1);
        const fromSnapshot = await runCli([...args, '--root', root], { env });
        expect(fromSnapshot, `${example}: ${args.join(' ')}`).toEqual(fromFiles);
      }
    }
  });

  it('keeps the values worked out when it was taken for the queries that open it, and only for the model they were worked out from', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const location = testCache();
    const source = fsSource(root);
    const read = await loadBacklog(source);
    const content = { exclude: read.root.exclude, rootFile: read.root.file, files: read.files, backlog: read.backlog, drafts: read.drafts, unreadableFiles: read.unreadableFiles };
    const kept = await saveSnapshot(location, root, source, content, Date.now() + 60_000);
    expect(kept!('answer', () => 'worked out when taken')).toBe('worked out when taken');
    expect((await open(root, location))!.kept('answer', () => 'worked out again')).toBe('worked out when taken');
    rewriteSameSize(root, 'workloads/finance.yaml', 'priority: high', 'priority: mid ');
    const edited = await takeSnapshot(root, location, Date.now() + 60_000);
    expect(edited.backlog).not.toEqual(read.backlog);
    expect((await open(root, location))!.kept('answer', () => 'worked out for the edit')).toBe('worked out for the edit');
  });

  it('is used only while every file keeps its size, times and inode', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const location = testCache();
    await takeSnapshot(root, location, Date.now() + 60_000);
    expect(await open(root, location)).toBeDefined();
    // Same size, modification time put back: the change time still moves.
    rewriteSameSize(root, 'workloads/finance.yaml', 'priority: high', 'priority: mid ');
    expect(await open(root, location)).toBeUndefined();
  });

  it('checks by content the files changed just before it was taken (a change in the same clock tick)', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const location = testCache();
    // Every file was written less than RACY_MS ago: each is kept with its content hash.
    await takeSnapshot(root, location, Date.now());
    // A clock too coarse to tell the change: the stamps stay what they were.
    const real = fsSource(root);
    const stamps = new Map((await backlogPaths(real, [])).map((path) => [path, real.stamp(path)]));
    const frozen = { ...real, stamp: (path: string) => stamps.get(path) };
    const openFrozen = () => openSnapshot(location, root, frozen, (exclude) => backlogPaths(real, exclude));
    expect(await openFrozen()).toBeDefined();
    rewriteSameSize(root, 'workloads/finance.yaml', 'priority: high', 'priority: mid ');
    expect(await openFrozen()).toBeUndefined();
  });

  it('is not used when a backlog file is added or removed; a file that is not part of the backlog changes nothing', async () => {
    for (const change of [
      (root: string) => writeFileSync(join(root, 'workloads', 'new.yaml'), 'workloads: []\n'),
      (root: string) => rmSync(join(root, 'workloads', 'finance.yaml')),
      (root: string) => writeFileSync(join(root, 'notes.txt'), 'not a backlog file'),
    ]) {
      const root = copyOf(join(examples, 'contoso'));
      const location = testCache();
      await takeSnapshot(root, location, Date.now() + 60_000);
      change(root);
      const stillValid = (await open(root, location)) !== undefined;
      // A file that is not part of the backlog changes nothing.
      expect(stillValid).toBe(change.toString().includes('notes.txt'));
    }
  });

  it('is ignored when damaged, for another version, or missing; --no-cache neither reads nor writes it', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const location = testCache();
    expect(await open(root, location)).toBeUndefined();
    await takeSnapshot(root, location, Date.now() + 60_000);
    const source = fsSource(root);
    expect(await openSnapshot(new Cache(location.folder, 'another version'), root, source, (exclude) => backlogPaths(source, exclude))).toBeUndefined();
    for (const damage of ['', 'not a number\n{}', '12\n{"format":1', '5\n{}{}{}']) {
      writeFileSync(location.location(root, 'snapshot'), damage);
      expect(await open(root, location)).toBeUndefined();
    }

    const env = cacheEnv();
    const expected = await runCli(['list', '--priority', '--root', root, '--no-cache'], { env });
    expect(snapshotsIn(env)).toEqual([]);
    await runCli(['list', '--priority', '--root', root], { env });
    const [name] = snapshotsIn(env);
    writeFileSync(join(env.XDG_CACHE_HOME!, 'migration-backlog', name!), '9999\n{"format"');
    expect(await runCli(['list', '--priority', '--root', root], { env })).toEqual(expected);
  });

  it('answers from the files when a section is damaged inside (a disk error), and removes the file', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const env = cacheEnv();
    const expected = await runCli(['list', '--priority', '--root', root, '--no-cache'], { env });
    await runCli(['list', '--priority', '--root', root], { env });
    const file = join(env.XDG_CACHE_HOME!, 'migration-backlog', snapshotsIn(env)[0]!);
    const bytes = readFileSync(file);
    // The same length, one letter of a workload's name changed. The last line says where the header is.
    const [headerStart, headerLength] = bytes.toString('latin1').trimEnd().split('\n').at(-1)!.split(' ').map(Number) as [number, number];
    const header = JSON.parse(bytes.toString('latin1', headerStart, headerStart + headerLength));
    const at = bytes.indexOf('"name":"', header.sections.workloads[0]) + 9;
    expect(at).toBeLessThan(header.sections.workloads[1]);
    bytes[at] = bytes[at] === 0x61 ? 0x62 : 0x61;
    writeFileSync(file, bytes);
    expect(await runCli(['list', '--priority', '--root', root], { env })).toEqual(expected);
    expect(existsSync(file)).toBe(false);
    expect(await runCli(['list', '--priority', '--root', root], { env })).toEqual(expected);
  });

  it('depends on the root file even when it is not listed (a link to outside the root)', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const outside = copyOf(join(examples, 'contoso'));
    rmSync(join(root, 'backlog.yaml'));
    symlinkSync(join(outside, 'backlog.yaml'), join(root, 'backlog.yaml'));
    const env = cacheEnv();
    const list = () => runCli(['list', '--root', root, '-f', 'ids'], { env });
    const before = await list();
    expect(before.stdout).toContain('ci-build');
    writeFileSync(join(outside, 'backlog.yaml'), `${read(outside, 'backlog.yaml')}  exclude: ["workloads/pilot.yaml"]\n`);
    const after = await list();
    expect(after).toEqual(await runCli(['list', '--root', root, '-f', 'ids', '--no-cache'], { env }));
    expect(after.stdout).not.toContain('ci-build');
  });

  it('stops checking by content the files that were racy once they are old enough (written again without them)', async () => {
    const root = copyOf(join(examples, 'contoso'));
    const location = testCache();
    const real = fsSource(root);
    let reads = 0;
    // Files that changed 10 s ago, a snapshot taken 8 s ago: racy when taken, settled now.
    const aged = {
      ...real,
      stamp: (path: string) => {
        const stamp = real.stamp(path);
        return stamp && { ...stamp, changedAt: Date.now() - 10_000 };
      },
      readFile: (path: string) => ((reads += 1), real.readFile(path)),
    };
    const read = await loadBacklog(real);
    const { files } = read;
    await saveSnapshot(location, root, aged, { exclude: [], rootFile: files.find((file) => file.path === 'backlog.yaml'), files, backlog: read.backlog, drafts: read.drafts, unreadableFiles: read.unreadableFiles }, Date.now() - 8_000);
    const openAged = () => openSnapshot(location, root, aged, (exclude) => backlogPaths(real, exclude));
    reads = 0;
    const racy = await openAged();
    expect(reads).toBe(files.length);
    expect(racy!.kept('answer', () => 'worked out while racy')).toBe('worked out while racy');
    reads = 0;
    const settled = await openAged();
    expect(reads).toBe(0);
    expect(settled!.backlog.entities.workloads).toEqual(read.backlog.entities.workloads);
    // What was kept beside it still answers: the snapshot holds the same.
    expect(settled!.kept('answer', () => 'worked out again')).toBe('worked out while racy');
  });
});
