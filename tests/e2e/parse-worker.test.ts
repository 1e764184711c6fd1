// Reading on two threads changes nothing but the time: the built CLI answers exactly the same
// when the parse worker reads every file (forced, whatever the size) as when none does. The
// worker exists only in the build, so these tests run the built binary.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlog } from '../helpers/parse-worker-runs.js';
import { repo } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = join(repo, 'tests', 'fixtures');

/**
 * One backlog holding the examples and the fixtures of what reading a file can find, each in a
 * folder of its own: one run each way, rather than one per backlog.
 */
function everyFileProblem(): string {
  const root = tempDir();
  for (const example of ['contoso', 'broken']) cpSync(join(repo, 'examples', example), join(root, example), { recursive: true });
  for (const name of ['golden', 'yaml-syntax', 'merge-conflict', 'duplicate-key', 'unsupported-yaml', 'unknown-collection', 'invalid-value']) {
    cpSync(join(fixtures, name), join(root, name), { recursive: true });
  }
  return root;
}

describe('parse worker', () => {
  it('is part of the build', () => {
    expect(existsSync(join(repo, 'dist', 'load', 'parse-worker.js'))).toBe(true);
  });

  // One pair of runs for both: profiled, each thread writes a profile of its own.
  it('runs as a second thread when asked to, and gives every finding and position the single thread gives, on the examples and the fixtures of file problems', () => {
    const root = everyFileProblem();
    const profiled = (worker: boolean) => {
      const dir = tempDir();
      const result = backlog(['validate', '-f', 'json', '--root', root], { worker, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
      return { result, threads: readdirSync(dir).length };
    };
    const [withWorker, alone] = [profiled(true), profiled(false)];
    expect([withWorker.threads, alone.threads]).toEqual([2, 1]);
    expect(withWorker.result).toEqual(alone.result);
    expect(withWorker.result.code, withWorker.result.stderr).toBe(1);
    const codes = new Set((JSON.parse(alone.result.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(['YAML_SYNTAX', 'MERGE_CONFLICT', 'DUPLICATE_KEY', 'UNSUPPORTED_YAML', 'UNKNOWN_COLLECTION', 'INVALID_VALUE']));
  });

  // Both threads reading a backlog of many files, the worker's answer sent in many batches: in
  // parse-worker-cache.test.ts, whose cold runs compare the answers as well as the caches.
});
