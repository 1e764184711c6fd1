// A write that fails half way leaves the file as it was, and no temporary file behind.
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodedInChunks, fileSystem, recoverJournal, writeFileAtomic, writeFilesJournaled } from '../../src/files/atomic-write.js';
import { tempDir } from '../helpers/temp-dir.js';

const original = { ...fileSystem };
afterEach(() => Object.assign(fileSystem, original));

describe('writeFileAtomic', () => {
  it('replaces the file and keeps its mode', () => {
    const dir = tempDir({ 'a.yaml': 'old\n' });
    chmodSync(join(dir, 'a.yaml'), 0o640);
    writeFileAtomic(join(dir, 'a.yaml'), 'new\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('new\n');
    expect(statSync(join(dir, 'a.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it.each(['writeSync', 'fsyncSync', 'renameSync'] as const)('leaves the old file intact when %s fails', (step) => {
    const dir = tempDir({ 'a.yaml': 'old\n' });
    (fileSystem as Record<string, unknown>)[step] = () => {
      throw Object.assign(new Error(`${step} failed: disk full`), { code: 'ENOSPC' });
    };
    expect(() => writeFileAtomic(join(dir, 'a.yaml'), 'new content that never lands\n')).toThrow(/cannot write .*a\.yaml: .*disk full/);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('creates a new file', () => {
    const dir = tempDir();
    writeFileAtomic(join(dir, 'new.yaml'), 'x: 1\n');
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe('x: 1\n');
  });
});

describe('encodedInChunks', () => {
  /** What the chunks come to, each copied as it comes (the buffer is used again for the next). */
  const joined = (texts: string[], encoding?: 'utf8' | 'latin1') => Buffer.concat(Array.from(encodedInChunks(texts, encoding), (chunk) => Buffer.from(chunk)));

  it('encodes texts of any length as a whole would be, cutting none inside a surrogate pair', () => {
    // Texts longer than a chunk holds (1 MB), cut at both parities: one of them would fall inside a pair.
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const texts = ['{', `${prefix}${'🚀'.repeat(400_000)}`, 'é'.repeat(123_457), '東'.repeat(500_001), '}'];
      expect(joined(texts).equals(Buffer.from(texts.join('')))).toBe(true);
    }
  });

  it('writes latin1 a byte a character, across chunks', () => {
    const texts = Array.from({ length: 300 }, (_, n) => String(n).repeat(n * 37));
    expect(joined(texts, 'latin1').equals(Buffer.from(texts.join(''), 'latin1'))).toBe(true);
    expect(Array.from(encodedInChunks(texts, 'latin1')).length).toBeGreaterThan(1);
  });

  it('makes nothing of nothing', () => {
    expect(Array.from(encodedInChunks(['', '']))).toEqual([]);
  });
});

describe('writeFilesJournaled, cut short', () => {
  const files = (root: string) => [['a.yaml', 'a: new\n'], ['sub/b.yaml', 'b: new\n'], ['c.yaml', 'c: new\n']].map(([path, text]) => [join(root, path!), text!] as const);
  const contents = (root: string) => readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().map((name) => (name.endsWith('.yaml') ? `${name}: ${readFileSync(join(root, name), 'utf8').trim()}` : name));

  it('is finished by recoverJournal once every new file was written (the renames began)', () => {
    const root = tempDir({ 'a.yaml': 'a: old\n', 'sub/b.yaml': 'b: old\n', 'c.yaml': 'c: old\n' });
    const journal = join(tempDir(), 'journal');
    let renames = 0;
    const rename = fileSystem.renameSync;
    // The process dies after the first rename of a backlog file (the journal's own renames pass).
    fileSystem.renameSync = (from, to) => {
      if (String(to).endsWith('.yaml') && ++renames === 2) throw new Error('killed');
      rename(from, to);
    };
    try {
      expect(() => writeFilesJournaled(files(root), journal)).toThrow('killed');
    } finally {
      fileSystem.renameSync = rename;
    }
    expect(contents(root).filter((line) => line.includes(': '))).toEqual(['a.yaml: a: new', 'c.yaml: c: old', 'sub/b.yaml: b: old']);
    recoverJournal(journal);
    expect(contents(root)).toEqual(['a.yaml: a: new', 'c.yaml: c: new', 'sub', 'sub/b.yaml: b: new']);
  });

  it('is undone by recoverJournal while the new files were being written', () => {
    const root = tempDir({ 'a.yaml': 'a: old\n', 'sub/b.yaml': 'b: old\n', 'c.yaml': 'c: old\n' });
    const journal = join(tempDir(), 'journal');
    const write = fileSystem.writeSync;
    let writes = 0;
    fileSystem.writeSync = ((...args: Parameters<typeof write>) => {
      if (++writes === 2) throw new Error('killed');
      return write(...args);
    }) as typeof write;
    try {
      expect(() => writeFilesJournaled(files(root), journal)).toThrow('killed');
    } finally {
      fileSystem.writeSync = write;
    }
    recoverJournal(journal);
    expect(contents(root)).toEqual(['a.yaml: a: old', 'c.yaml: c: old', 'sub', 'sub/b.yaml: b: old']);
  });
});
