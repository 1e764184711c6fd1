// The code frame under a finding: the lines of the file it is in, when frames of two files
// alternate (the lines of the last file framed are kept, and must be that file's).
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/cli/colour.js';
import { codeFrame } from '../../src/format/validation/code-frame.js';

const plain = createStyle(false);

describe('code frame', () => {
  it('shows the lines of the file given, whichever file was framed before', () => {
    const first = 'a: 1\nb: 2\nc: 3\n';
    const second = 'x: 9\ny: 8\n';
    const frameOf = (source: string, line: number) => codeFrame(source, { line, column: 1, endLine: line, endColumn: 2 }, plain, 'warning', 0);
    expect(frameOf(first, 2)).toBe('> 2 | b: 2\n    | ^');
    expect(frameOf(second, 2)).toBe('> 2 | y: 8\n    | ^');
    expect(frameOf(first, 3)).toBe('> 3 | c: 3\n    | ^');
    // A final newline starts no line of its own.
    expect(frameOf(second, 3)).toBe('');
  });
});
