// Cache files in sections: what goes in comes back, whatever the text, and a file whose header
// or section does not match its hash is never taken for a good one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncodedSection, readSectionedFile, writeSectionedFile } from '../../src/load/sectioned-file.js';
import { tempDir } from '../helpers/temp-dir.js';

const VALUES = { plain: { a: 1, b: [true, null, 'x'] }, text: ['Café', '日本語', '😀', 'line\u2028separator', 'tab\tand "quotes"', '\\back\\slash'] };

describe('sectioned file', () => {
  it('gives back every section as written, any text included, in a file of ASCII only', () => {
    const location = join(tempDir(), 'a.cache');
    writeSectionedFile(location, { kind: 'test', note: 'Zürich' }, { ...VALUES, encoded: EncodedSection.of({ é: 'ü' }) });
    expect(readFileSync(location).every((byte) => byte < 0x80)).toBe(true);
    const file = readSectionedFile<{ kind: string; note: string }>(location)!;
    expect(file.header).toMatchObject({ kind: 'test', note: 'Zürich' });
    expect(file.section('plain')).toEqual(VALUES.plain);
    expect(file.section('text')).toEqual(VALUES.text);
    expect(file.section('encoded')).toEqual({ é: 'ü' });
    expect(file.section('missing')).toBeUndefined();
    expect(file.sectionHash('text')).toBe(EncodedSection.of(VALUES.text).hash);
  });

  it('refuses a header that does not match its hash', () => {
    const location = join(tempDir(), 'a.cache');
    writeSectionedFile(location, { limit: 16 }, VALUES);
    writeFileSync(location, readFileSync(location, 'latin1').replace('"limit":16', '"limit":96'), 'latin1');
    expect(readSectionedFile(location)).toBeUndefined();
  });
});
