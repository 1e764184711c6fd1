// What a root's cache keeps as it grows: the most recently used of its keyed entries (values
// kept beside the snapshot, reviewed sides), and always its one entry of each other kind (the
// parse pack, the snapshot, fmt's verdicts, the files' blob ids), however long ago they were used.
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cache, type EntryKind } from '../../src/cache/cache.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tidying a root of the cache', () => {
  it('keeps its 12 most recently used keyed entries, its one entry of each other kind, and what is not an entry', () => {
    const cache = new Cache(tempDir(), 'test');
    const write = (root: string, kind: EntryKind, key: string | undefined, day: number) => {
      const location = cache.location(root, kind, key);
      expect(cache.write(location, {}, { value: day })).toBe(true);
      utimesSync(location, new Date(2000, 0, day), new Date(2000, 0, day));
      return location;
    };
    // Used before every keyed entry: the least recently used of all.
    const single = (['parse', 'snapshot', 'format', 'blob-ids'] as const).map((kind) => write('/team', kind, undefined, 1));
    const other = write('/elsewhere', 'kept', 'findings.1a2b', 1);
    // Keys as the commands write them, dots and all: a kept value's name and day, a review's tree and day.
    const keyed = Array.from({ length: 16 }, (_, n) => write('/team', n % 2 === 0 ? 'kept' : 'review', n % 2 === 0 ? `report.2026-06-${10 + n}.1a2b3c` : `4d5e6f${n}.2026-06-01`, 2 + n));
    // A review's mark of a commit seen once: not an entry.
    const seen = `${keyed[1]}.seen`;
    writeFileSync(seen, '');
    cache.tidy('/team');
    const left = readdirSync(cache.folder).map((name) => `${cache.folder}/${name}`).sort();
    expect(left).toEqual([...single, other, seen, ...keyed.slice(4)].sort());
  });
});
