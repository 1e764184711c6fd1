// A queue that gives back its least item first (a binary heap): the same item each time as
// sorting it stably and taking the first would, without sorting thousands of items per take.

export class MinQueue<T> {
  /** Each item with its place in the order of adding, which breaks ties as a stable sort does. */
  private readonly heap: Array<{ item: T; added: number }> = [];
  private added = 0;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const heap = this.heap;
    heap.push({ item, added: this.added++ });
    for (let at = heap.length - 1; at > 0; ) {
      const parent = (at - 1) >> 1;
      if (!this.before(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  /** The least item, taken out; undefined when there is none. */
  take(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top?.item;
    heap[0] = last;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < heap.length && this.before(heap[left]!, heap[least]!)) least = left;
      if (right < heap.length && this.before(heap[right]!, heap[least]!)) least = right;
      if (least === at) break;
      [heap[at], heap[least]] = [heap[least]!, heap[at]!];
      at = least;
    }
    return top.item;
  }

  private before(a: { item: T; added: number }, b: { item: T; added: number }): boolean {
    return (this.compare(a.item, b.item) || a.added - b.added) < 0;
  }
}
