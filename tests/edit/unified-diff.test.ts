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

  it('applies with git apply, whatever the change', () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 }), fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 }), (x, y) => {
        const before = x.map((line) => `${line}\n`).join('');
        const after = y.map((line) => `${line}\n`).join('');
        writeFileSync(join(dir, 'f.yaml'), before);
        const diff = unifiedDiff('f.yaml', before, after);
        if (diff !== '') {
          writeFileSync(join(dir, 'change.diff'), diff);
          execFileSync('git', ['apply', 'change.diff'], { cwd: dir });
        }
        expect(readFileSync(join(dir, 'f.yaml'), 'utf8')).toBe(after);
      }),
      { numRuns: 150 },
    );
  });
});
