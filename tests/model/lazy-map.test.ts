// A LazyMap answers a lookup from that entry alone, and is in every other way the Map of all
// its entries, in their order.
import { describe, expect, it } from 'vitest';
import { LazyMap } from '../../src/model/lazy-map.js';

const ENTRIES: Array<[string, number]> = [['b', 2], ['a', 1], ['c', 3]];

function lazy() {
  const looked: string[] = [];
  let filled = 0;
  const map = new LazyMap<string, number>(
    (key) => (looked.push(key), ENTRIES.find(([k]) => k === key)?.[1]),
    () => (filled++, ENTRIES),
  );
  return { map, looked, filled: () => filled };
}

describe('LazyMap', () => {
  it('looks one entry up without working out the others, each once', () => {
    const { map, looked, filled } = lazy();
    expect(map.get('a')).toBe(1);
    expect(map.get('a')).toBe(1);
    expect(map.has('z')).toBe(false);
    expect(map.get('z')).toBeUndefined();
    expect(looked).toEqual(['a', 'z']);
    expect(filled()).toBe(0);
  });

  it('walks, counts and changes as the Map of all its entries, in order', () => {
    const { map, filled } = lazy();
    expect(map.size).toBe(3);
    expect([...map]).toEqual(ENTRIES);
    expect([...map.keys()]).toEqual(['b', 'a', 'c']);
    expect([...map.values()]).toEqual([2, 1, 3]);
    const seen: string[] = [];
    map.forEach((value, key, self) => seen.push(`${key}${value}${self === map}`));
    expect(seen).toEqual(['b2true', 'a1true', 'c3true']);
    map.set('d', 4);
    map.delete('b');
    expect(new Map(map)).toEqual(new Map([['a', 1], ['c', 3], ['d', 4]]));
    expect(map.get('d')).toBe(4);
    expect(filled()).toBe(1);
  });
});
