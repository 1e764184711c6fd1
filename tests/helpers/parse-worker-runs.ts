// Runs of the built CLI with the parse worker forced on or off, and backlogs that make it work.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { readCacheFile } from '../../src/cache/cache-file.js';
import { runBuilt, type ProcessResult } from './run-built.js';
import { tempDir } from './temp-dir.js';

/** `worker`: a second thread parses beside the first however few files there are (--threads 2), or none does (1). `cache`: the cache folder to use (XDG_CACHE_HOME); without, no cache. */
export function backlog(args: string[], options: { worker: boolean; nodeArgs?: string[]; cache?: string }): ProcessResult {
  const caching = options.cache ? { XDG_CACHE_HOME: options.cache, BACKLOG_NO_CACHE: undefined } : { BACKLOG_NO_CACHE: '1' };
  const env = { ...caching, BACKLOG_THREADS: options.worker ? '2' : '1' };
  return runBuilt(args, { env, ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}) });
}

/** The one pack in a cache folder: its path and its entries by key. */
export function packIn(cache: string): { path: string; entries: Record<string, unknown> } {
  const dir = join(cache, 'migration-backlog');
  const [name, ...others] = readdirSync(dir).filter((file) => file.endsWith('.parse.cache'));
  expect(others).toEqual([]);
  const path = join(dir, name!);
  return { path, entries: readCacheFile<object>(path)!.section<Record<string, unknown>>('entries')! };
}

/** A backlog of `count` workload files (enough for the worker to start before they are read), with findings of several kinds here and there. */
export function manyFiles(count: number): string {
  const root = tempDir();
  writeFileSync(join(root, 'backlog.yaml'), 'project:\n  name: Batches\nwaves:\n  - id: wave-1\n    name: Wave 1\n');
  mkdirSync(join(root, 'workloads'));
  for (let n = 0; n < count; n++) {
    const problem =
      n % 97 === 0 ? '    criticality: urgent\n' : n % 101 === 0 ? '    wave: wave-9\n' : n % 211 === 0 ? '    name: twice\n' : n === 600 ? '    owner: [unclosed\n' : '';
    writeFileSync(join(root, 'workloads', `w${n}.yaml`), `workloads:\n  - id: w${n}\n    name: Workload ${n}\n    owner: Ana\n${problem}    depends_on: [w${(n + 1) % count}]\n`);
  }
  return root;
}
