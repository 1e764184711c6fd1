// Cache files in sections: what goes in comes back, whatever the text, written whole or a piece
// at a time, and a file whose header or section does not match its hash is never taken for a
// good one.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsciiJson, asciiJson, CacheFileWriter, readCacheFile, writeCacheFile } from '../../src/cache/cache-file.js';
import { DamagedCacheError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

const VALUES = { plain: { a: 1, b: [true, null, 'x'] }, text: ['Café', '日本語', '😀', 'line\u2028separator', 'tab\tand "quotes"', '\\back\\slash'] };

describe('cache file', () => {
  it('gives back every section as written, any text included, in a file of ASCII only', () => {
    const location = join(tempDir(), 'a.cache');
    writeCacheFile(location, { kind: 'test', note: 'Zürich' }, { ...VALUES, encoded: new AsciiJson(asciiJson({ é: 'ü' })) });
    expect(readFileSync(location).every((byte) => byte < 0x80)).toBe(true);
    const file = readCacheFile<{ kind: string; note: string }>(location)!;
    expect(file.header).toMatchObject({ kind: 'test', note: 'Zürich' });
    expect(file.section('plain')).toEqual(VALUES.plain);
    expect(file.section('text')).toEqual(VALUES.text);
    expect(file.section('encoded')).toEqual({ é: 'ü' });
    expect(file.section('missing')).toBeUndefined();
  });

  it('gives back a section written a piece at a time, in UTF-8, and hashes equal sections alike', () => {
    const location = join(tempDir(), 'b.cache');
    const writer = CacheFileWriter.open(location)!;
    writer.startSection('pieces');
    for (const piece of ['[', JSON.stringify('Zürich 東京 🚀'), ',', JSON.stringify('x'.repeat(2_000_000)), ']']) writer.write(piece);
    writer.endSection();
    writer.section('again', JSON.stringify(VALUES.text));
    writer.section('text', asciiJson(VALUES.text), true);
    expect(writer.finish({ kind: 'pieces' })).toBe(true);
    const file = readCacheFile<{ kind: string }>(location)!;
    expect(file.section('pieces')).toEqual(['Zürich 東京 🚀', 'x'.repeat(2_000_000)]);
    expect(file.section('again')).toEqual(VALUES.text);
    expect(file.section('text')).toEqual(VALUES.text);
    expect(file.sectionHash('again')).not.toBe(file.sectionHash('text'));
    file.rewrite({ kind: 'rewritten' });
    const rewritten = readCacheFile<{ kind: string }>(location)!;
    expect(rewritten.header.kind).toBe('rewritten');
    expect(rewritten.section('pieces')).toEqual(file.section('pieces'));
  });

  it('refuses a header that does not match its hash', () => {
    const location = join(tempDir(), 'a.cache');
    writeCacheFile(location, { limit: 16 }, VALUES);
    writeFileSync(location, readFileSync(location, 'latin1').replace('"limit":16', '"limit":96'), 'latin1');
    expect(readCacheFile(location)).toBeUndefined();
  });

  it('says a section that does not match its hash is damaged, and removes the file', () => {
    const location = join(tempDir(), 'a.cache');
    writeCacheFile(location, {}, VALUES);
    writeFileSync(location, readFileSync(location, 'latin1').replace('Caf', 'Cof'), 'latin1');
    const file = readCacheFile(location)!;
    expect(file.section('plain')).toEqual(VALUES.plain);
    expect(() => file.section('text')).toThrow(DamagedCacheError);
    expect(readCacheFile(location)).toBeUndefined();
  });

  it('copies a section into another file as written: equal hashes, and a damaged one still found damaged there', () => {
    const dir = tempDir();
    writeCacheFile(join(dir, 'a.cache'), {}, { plain: VALUES.plain, text: new AsciiJson(asciiJson(VALUES.text)) });
    writeFileSync(join(dir, 'a.cache'), readFileSync(join(dir, 'a.cache'), 'latin1').replace('Caf', 'Cof'), 'latin1');
    const from = readCacheFile(join(dir, 'a.cache'))!;
    writeCacheFile(join(dir, 'b.cache'), {}, { plain: from.sectionAsWritten('plain'), text: from.sectionAsWritten('text'), more: [1] });
    const copy = readCacheFile(join(dir, 'b.cache'))!;
    expect(copy.section('plain')).toEqual(VALUES.plain);
    expect(copy.sectionHash('plain')).toBe(from.sectionHash('plain'));
    expect(copy.section('more')).toEqual([1]);
    expect(() => copy.section('text')).toThrow(DamagedCacheError);
    expect(readCacheFile(join(dir, 'b.cache'))).toBeUndefined();
  });

  it('writes a file over the one its sections are copied from: they stay where they lie, and it is written whole once they are less than half of it', () => {
    const location = join(tempDir(), 'a.cache');
    const big = new AsciiJson(asciiJson('x'.repeat(10_000)));
    writeCacheFile(location, { n: 0 }, { big, small: [0] });
    const firstSize = statSync(location).size;
    for (let n = 1; n <= 3; n++) {
      const from = readCacheFile<{ n: number }>(location)!;
      writeCacheFile(location, { n }, { big: from.sectionAsWritten('big'), small: [n] });
      const written = readCacheFile<{ n: number }>(location)!;
      expect(written.header.n).toBe(n);
      expect(written.section('big')).toBe('x'.repeat(10_000));
      expect(written.section('small')).toEqual([n]);
      // The big section is not written again: the file grows by the small one (and its header's entry) only.
      expect(statSync(location).size - firstSize).toBeGreaterThan(0);
      expect(statSync(location).size - firstSize).toBeLessThan(40 * n);
    }
    // Most of the file is left out: written whole, the sections left out gone.
    const from = readCacheFile(location)!;
    writeCacheFile(location, {}, { small: from.sectionAsWritten('small'), big: [1] });
    expect(readCacheFile(location)!.section('small')).toEqual([3]);
    expect(statSync(location).size).toBeLessThan(200);
  });

  it('writes whole a file whose sections are copied from one replaced since it was read', () => {
    const dir = tempDir();
    const location = join(dir, 'a.cache');
    writeCacheFile(location, {}, { big: 'first'.repeat(100), small: [1] });
    const from = readCacheFile(location)!;
    writeCacheFile(location, { other: true }, { big: 'second'.repeat(100), small: [2] });
    writeCacheFile(join(dir, 'b.cache'), {}, { big: from.sectionAsWritten('big'), small: [3] });
    const written = readCacheFile(join(dir, 'b.cache'))!;
    expect(written.section('big')).toBe('first'.repeat(100));
    expect(written.section('small')).toEqual([3]);
    expect(readdirSync(dir).sort()).toEqual(['a.cache', 'b.cache']);
  });

  it('refuses a file cut short', () => {
    const location = join(tempDir(), 'a.cache');
    writeCacheFile(location, {}, VALUES);
    const bytes = readFileSync(location);
    for (const length of [0, 10, bytes.length - 30, bytes.length - 1]) {
      writeFileSync(location, bytes.subarray(0, length));
      expect(readCacheFile(location), String(length)).toBeUndefined();
    }
  });
});
