// A write that fails half way leaves the file as it was, and no temporary file behind.
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileSystem, writeFileAtomic } from '../../src/edit/atomic-write.js';
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
