// The queue of `waves --suggest` takes out what a stable sort would put first, ties included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinQueue } from '../../src/query/min-queue.js';

interface Item {
  rank: number;
  name: string;
}

const byRank = (a: Item, b: Item) => a.rank - b.rank;

describe('MinQueue', () => {
  it('takes the least item, the first added of equal ones, then nothing', () => {
    const queue = new MinQueue<Item>(byRank);
    for (const [rank, name] of [[2, 'a'], [1, 'b'], [2, 'c'], [1, 'd']] as const) queue.push({ rank, name });
    const taken = [queue.take(), queue.take(), queue.take(), queue.take(), queue.take()];
    expect(taken.map((item) => item?.name)).toEqual(['b', 'd', 'a', 'c', undefined]);
  });

  it('takes what sorting the items left stably and taking the first takes, pushes and takes mixed', () => {
    const step = fc.oneof(fc.integer({ min: 0, max: 5 }).map((rank) => ({ push: rank })), fc.constant({ take: true }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const queue = new MinQueue<Item>(byRank);
        const sorted: Item[] = [];
        steps.forEach((next, at) => {
          if ('push' in next) {
            const item = { rank: next.push, name: `item-${at}` };
            queue.push(item);
            sorted.push(item);
          } else {
            sorted.sort(byRank);
            expect(queue.take()).toBe(sorted.shift());
          }
        });
      }),
    );
  });
});
