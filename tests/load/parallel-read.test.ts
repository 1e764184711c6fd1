// Reading on two threads changes nothing but the time: the built CLI answers exactly the same
// when the parse worker reads every file (forced, whatever the size) as when none does. The worker exists only
// in the build, so these tests run the built binary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFiles, type ParseWorker, type WorkerTask } from '../../src/load/parallel-read.js';
import { readSourceFile } from '../../src/load/read-source-file.js';
import { gitRepo } from '../helpers/git-repo.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, 'tests', 'fixtures');

/** `cache`: the cache folder to use (XDG_CACHE_HOME); without, no cache. */
function backlog(args: string[], options: { worker: boolean | 'shared'; nodeArgs?: string[]; cache?: string }) {
  const caching = options.cache ? { XDG_CACHE_HOME: options.cache } : { BACKLOG_NO_CACHE: '1' };
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(repo, 'bin', 'backlog.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BACKLOG_AS_OF: '2026-06-01', BACKLOG_NO_CACHE: undefined, ...caching, BACKLOG_PARSE_WORKER: options.worker === 'shared' ? 'shared' : options.worker ? 'always' : 'never' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The one pack in a cache folder: its path and its entries by key. */
function packIn(cache: string): { path: string; entries: Record<string, unknown> } {
  const dir = join(cache, 'migration-backlog');
  const [name, ...others] = readdirSync(dir).filter((file) => file.endsWith('.json'));
  expect(others).toEqual([]);
  const text = readFileSync(join(dir, name!), 'utf8');
  return { path: join(dir, name!), entries: (JSON.parse(text.slice(0, text.lastIndexOf('\n'))) as { entries: Record<string, unknown> }).entries };
}

/** A backlog of `count` workload files (enough for the worker to start before they are read), with findings of several kinds here and there. */
function manyFiles(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'backlog-worker-many-'));
  writeFileSync(join(root, 'backlog.yaml'), 'project:\n  name: Batches\nwaves:\n  - id: wave-1\n    name: Wave 1\n');
  mkdirSync(join(root, 'workloads'));
  for (let n = 0; n < count; n++) {
    const problem =
      n % 97 === 0 ? '    criticality: urgent\n' : n % 101 === 0 ? '    wave: wave-9\n' : n % 211 === 0 ? '    name: twice\n' : n === 600 ? '    owner: [unclosed\n' : '';
    writeFileSync(join(root, 'workloads', `w${n}.yaml`), `workloads:\n  - id: w${n}\n    name: Workload ${n}\n    owner: Ana\n${problem}    depends_on: [w${(n + 1) % count}]\n`);
  }
  return root;
}

/** The examples, and the fixtures of what reading a file can find (each runs the CLI twice: a few). */
const backlogs = [
  join(repo, 'examples', 'contoso'),
  join(repo, 'examples', 'broken'),
  ...['golden', 'yaml-syntax', 'merge-conflict', 'duplicate-key', 'unsupported-yaml', 'unknown-collection', 'invalid-value'].map((name) => join(fixtures, name)),
];

describe('parse worker', () => {
  it('is part of the build', () => {
    expect(existsSync(join(repo, 'dist', 'load', 'parse-worker.js'))).toBe(true);
  });

  it('runs as a second thread when asked to', () => {
    const profiles = (worker: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), 'backlog-worker-profile-'));
      backlog(['validate', '--root', join(repo, 'examples', 'contoso')], { worker, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
      return readdirSync(dir).length;
    };
    expect(profiles(true)).toBe(2);
    expect(profiles(false)).toBe(1);
  });

  it('gives every finding and position the single thread gives, on the examples and the fixtures of file problems', () => {
    for (const dir of backlogs) {
      expect(existsSync(join(dir, 'backlog.yaml')), dir).toBe(true);
      const withWorker = backlog(['validate', '-f', 'json', '--root', dir], { worker: true });
      const alone = backlog(['validate', '-f', 'json', '--root', dir], { worker: false });
      expect(withWorker, dir).toEqual(alone);
      expect([0, 1], withWorker.stderr).toContain(withWorker.code);
    }
  }, 60_000);

  it('gives the same answer when both threads read and the worker sends its files in many batches', () => {
    // 1,200 files: the worker sends several batches while this thread reads beside it, and
    // findings fall on both sides of the split, whichever way it goes.
    const root = manyFiles(1200);
    const shared = backlog(['validate', '-f', 'json', '--root', root], { worker: 'shared' });
    const alone = backlog(['validate', '-f', 'json', '--root', root], { worker: false });
    expect(shared).toEqual(alone);
    const codes = new Set((JSON.parse(alone.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(['DUPLICATE_KEY', 'INVALID_VALUE', 'UNKNOWN_REFERENCE', 'YAML_SYNTAX']));
  }, 60_000);
});

describe('the parse cache of a cold load with the worker', () => {
  const cacheDir = () => mkdtempSync(join(tmpdir(), 'backlog-worker-cache-'));

  it('is written by the worker: the pack a single thread writes, which the next run reads whole', () => {
    // The example, and a backlog of 1,200 files (the worker started before they are read).
    for (const [worker, root] of [[true, join(repo, 'examples', 'contoso')], ['shared', join(repo, 'examples', 'contoso')], ['shared', manyFiles(1200)], [true, manyFiles(1200)]] as const) {
      const [withWorker, alone] = [cacheDir(), cacheDir()];
      const cold = backlog(['validate', '-f', 'json', '--root', root], { worker, cache: withWorker });
      expect(cold).toEqual(backlog(['validate', '-f', 'json', '--root', root], { worker: false, cache: alone }));
      const pack = packIn(withWorker);
      expect(Object.keys(pack.entries).length).toBe(readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => /\.ya?ml$/.test(p)).length);
      expect(pack.entries).toEqual(packIn(alone).entries);
      // A warm run finds every file: nothing new, so the pack is not written again.
      const written = statSync(pack.path).mtimeMs;
      const warm = backlog(['validate', '-f', 'json', '--root', root], { worker, cache: withWorker });
      expect(warm).toEqual(cold);
      expect(statSync(pack.path).mtimeMs).toBe(written);
    }
  }, 60_000);

  it('keeps the files of a later load too (validate --changed reads the base)', () => {
    const workload = (n: number, status: string) => `workloads:\n  - id: w${n}\n    name: W${n}\n    owner: Ana\n    status: ${status}\n`;
    const root = gitRepo([{ message: 'base', files: { 'backlog.yaml': 'project:\n  name: P\n', 'a.yaml': workload(1, 'assessing'), 'b.yaml': workload(2, 'assessing') } }]);
    writeFileSync(join(root, 'a.yaml'), workload(1, 'migrating'));
    const [withWorker, alone] = [cacheDir(), cacheDir()];
    const changed = backlog(['validate', '--changed', '--base', 'main', '-f', 'json', '--root', root], { worker: true, cache: withWorker });
    expect(changed).toEqual(backlog(['validate', '--changed', '--base', 'main', '-f', 'json', '--root', root], { worker: false, cache: alone }));
    // The working tree's three files (the worker's pack) and the base's a.yaml.
    expect(Object.keys(packIn(withWorker).entries).sort()).toEqual(Object.keys(packIn(alone).entries).sort());
    expect(Object.keys(packIn(withWorker).entries)).toHaveLength(4);
  }, 60_000);
});

describe('a worker that fails midway', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** A stand-in worker: takes `taken` files from the shared counter, sends back none of them, then fails. */
  function failingWorker(taken: number) {
    const stop = vi.fn();
    const worker = {
      read: (task: WorkerTask) => {
        for (let n = 0; n < taken; n++) Atomics.add(task.next, 0, 1);
        return Promise.reject(new Error('the parse worker stopped (1)'));
      },
      stop,
    };
    return { worker: worker as unknown as ParseWorker, stop };
  }

  const files = Array.from({ length: 5 }, (_, n) => ({ path: `w${n}.yaml`, bytes: new TextEncoder().encode(`workloads:\n  - id: w${n}\n    name: W${n}\n`) }));
  const expected = files.map(({ path, bytes }) => readSourceFile(path, bytes));

  it('reads alone, the worker stopped, when the memory to share cannot be reserved', async () => {
    vi.stubEnv('BACKLOG_PARSE_WORKER', 'shared');
    vi.stubGlobal(
      'SharedArrayBuffer',
      class {
        constructor() {
          throw new RangeError('Array buffer allocation failed');
        }
      },
    );
    const { worker, stop } = failingWorker(0);
    try {
      const { read } = await readFiles(files, worker);
      expect(read.map((r) => r?.file)).toEqual(expected);
      expect(stop).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['both threads reading', 'shared', 2],
    ['the worker reading every file', 'always', 0],
  ])('leaves no file unread, %s', async (_name, mode, taken) => {
    vi.stubEnv('BACKLOG_PARSE_WORKER', mode);
    const { worker, stop } = failingWorker(taken);
    const { read } = await readFiles(files, worker);
    expect(read.map((r) => r?.file)).toEqual(expected);
    expect(stop).toHaveBeenCalled();
  });
});

