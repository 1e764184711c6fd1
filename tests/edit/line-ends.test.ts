// Writes keep a file's line ends: CRLF when most of its lines end so, as they are otherwise.
import { describe, expect, it } from 'vitest';
import { withLineEndsOf } from '../../src/edit/line-ends.js';

describe('withLineEndsOf', () => {
  it('ends every line in CRLF when most lines of the file do, mending the LF lines among them', () => {
    expect(withLineEndsOf('a: 1\r\nb: 2\r\n', 'a: 1\nb: 3\nc: 4\n')).toBe('a: 1\r\nb: 3\r\nc: 4\r\n');
    expect(withLineEndsOf('a: 1\r\nb: 2\r\nc: 3\n', 'a: 1\r\nb: 2\r\nc: 3\nd: 4\n')).toBe('a: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n');
  });

  it('leaves the text alone for an LF file, a mostly-LF file, and a new (empty) one', () => {
    expect(withLineEndsOf('a: 1\nb: 2\n', 'a: 1\nb: 3\n')).toBe('a: 1\nb: 3\n');
    expect(withLineEndsOf('a: 1\r\nb: 2\nc: 3\n', 'a: 1\r\nb: 2\nc: 4\n')).toBe('a: 1\r\nb: 2\nc: 4\n');
    expect(withLineEndsOf('', 'a: 1\n')).toBe('a: 1\n');
  });
});
