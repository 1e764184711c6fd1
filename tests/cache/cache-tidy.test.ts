// What a root's cache keeps as it grows: the most recently used of its keyed entries (values
// kept beside the snapshot, reviewed sides), and always its one parse pack and one snapshot,
// however long ago they were used.
import { readdirSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Cache, type EntryKind } from '../../src/cache/cache.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tidying a root of the cache', () => {
  it('keeps its 12 most recently used keyed entries, its parse results and snapshot, and the entries of other roots', () => {
    const cache = new Cache(tempDir(), 'test');
    const write = (root: string, kind: EntryKind, key: string | undefined, day: number) => {
      const location = cache.location(root, kind, key);
      expect(cache.write(location, {}, { value: day })).toBe(true);
      utimesSync(location, new Date(2000, 0, day), new Date(2000, 0, day));
      return location;
    };
    // Used before every keyed entry: the least recently used of all.
    const parse = write('/team', 'parse', undefined, 1);
    const snapshot = write('/team', 'snapshot', undefined, 1);
    const other = write('/elsewhere', 'kept', 'findings.x', 1);
    const keyed = Array.from({ length: 16 }, (_, n) => write('/team', n % 2 === 0 ? 'kept' : 'review', `entry-${n}`, 2 + n));
    cache.tidy('/team');
    const left = readdirSync(cache.folder).map((name) => `${cache.folder}/${name}`).sort();
    expect(left).toEqual([parse, snapshot, other, ...keyed.slice(4)].sort());
  });
});
