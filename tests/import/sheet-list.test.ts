// Lists in one spreadsheet cell: what joinSheetList writes, splitSheetList reads back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinSheetList, splitSheetList } from '../../src/text/sheet-list.js';

describe('sheet lists', () => {
  it('quotes only the items that need it', () => {
    expect(joinSheetList(['a', 'b c', 'd;e', '"f"', 'g"h'])).toBe('a;b c;"d;e";"""f""";g"h');
  });

  it('reads cells as people write them: spaces around items, empty items, a stray quote', () => {
    expect(splitSheetList(' a ; b;;c ')).toEqual(['a', 'b', 'c']);
    expect(splitSheetList('"a;b" ; c')).toEqual(['a;b', 'c']);
    expect(splitSheetList('"unclosed;x')).toEqual(['"unclosed', 'x']);
    expect(splitSheetList('"a"b;c')).toEqual(['"a"b', 'c']);
    expect(splitSheetList('"a;b"x;c')).toEqual(['"a;b"x', 'c']);
    expect(splitSheetList('')).toEqual([]);
    expect(splitSheetList('a, "b, c"', ',')).toEqual(['a', 'b, c']);
  });

  it('gives back every list of trimmed, non-empty items it wrote', () => {
    const item = fc
      .array(fc.constantFrom('a', ' ', ';', '"', ',', 'é'), { minLength: 1, maxLength: 8 })
      .map((chars) => chars.join('').trim())
      .filter((text) => text !== '');
    fc.assert(fc.property(fc.array(item), (items) => {
        expect(splitSheetList(joinSheetList(items))).toEqual(items);
      }), { numRuns: 500 });
  });
});
