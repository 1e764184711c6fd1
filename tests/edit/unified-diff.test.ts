// The diff of --dry-run is a real unified diff: `git apply` turns the old text into the new.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/edit/unified-diff.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.yaml', 'x\n', 'x\n')).toBe('');
  });

  it('shows a change with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\n';
    expect(unifiedDiff('f.yaml', before, before.replace('d', 'D'))).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n');
  });

  // One `git apply` of every case's diff at once: each case is its own file in the patch.
  it('applies with git apply, whatever the change', () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 });
    const cases = fc.sample(fc.tuple(lines, lines), { numRuns: 400, seed: 42 }).map(([x, y], n) => ({ path: `f${n}.yaml`, before: x.map((line) => `${line}\n`).join(''), after: y.map((line) => `${line}\n`).join('') }));
    for (const { path, before } of cases) writeFileSync(join(dir, path), before);
    writeFileSync(join(dir, 'change.diff'), cases.map(({ path, before, after }) => unifiedDiff(path, before, after)).join(''));
    execFileSync('git', ['apply', 'change.diff'], { cwd: dir });
    for (const { path, after } of cases) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(after);
  });
});
