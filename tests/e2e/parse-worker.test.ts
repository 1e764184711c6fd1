// Reading on two threads changes nothing but the time: the built CLI answers exactly the same
// when the parse worker reads every file (forced, whatever the size) as when none does. The
// worker exists only in the build, so these tests run the built binary.
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlog, manyFiles } from '../helpers/parse-worker-runs.js';
import { repo } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = join(repo, 'tests', 'fixtures');

/**
 * The examples, and one backlog holding the fixtures of what reading a file can find, each in a
 * folder of its own (one run each way, rather than one per fixture).
 */
function backlogs(): string[] {
  const fixtureFiles = tempDir();
  for (const name of ['golden', 'yaml-syntax', 'merge-conflict', 'duplicate-key', 'unsupported-yaml', 'unknown-collection', 'invalid-value']) {
    cpSync(join(fixtures, name), join(fixtureFiles, name), { recursive: true });
  }
  return [join(repo, 'examples', 'contoso'), join(repo, 'examples', 'broken'), fixtureFiles];
}

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
    const codes = new Set<string>();
    for (const dir of backlogs()) {
      const withWorker = backlog(['validate', '-f', 'json', '--root', dir], { worker: true });
      const alone = backlog(['validate', '-f', 'json', '--root', dir], { worker: false });
      expect(withWorker, dir).toEqual(alone);
      expect([0, 1], withWorker.stderr).toContain(withWorker.code);
      for (const { code } of (JSON.parse(alone.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics) codes.add(code);
    }
    expect([...codes]).toEqual(expect.arrayContaining(['YAML_SYNTAX', 'MERGE_CONFLICT', 'DUPLICATE_KEY', 'UNSUPPORTED_YAML', 'UNKNOWN_COLLECTION', 'INVALID_VALUE']));
  });

  it('gives the same answer when both threads read and the worker sends its files in many batches', () => {
    // 1,200 files: the worker sends several batches while this thread reads beside it, and
    // findings fall on both sides of the split, whichever way it goes.
    const root = manyFiles(1200);
    const shared = backlog(['validate', '-f', 'json', '--root', root], { worker: true });
    const alone = backlog(['validate', '-f', 'json', '--root', root], { worker: false });
    expect(shared).toEqual(alone);
    const codes = new Set((JSON.parse(alone.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(['DUPLICATE_KEY', 'INVALID_VALUE', 'UNKNOWN_REFERENCE', 'YAML_SYNTAX']));
  });
});

