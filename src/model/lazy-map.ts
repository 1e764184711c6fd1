// A Map read from a snapshot one entry at a time: a lookup works out that entry alone; walking,
// counting or changing the map works out all of them, in their order. `show` looks up one
// workload's servers without decoding the 50,000 others.

export class LazyMap<K, V> extends Map<K, V> {
  #filled = false;
  readonly #looked = new Map<K, V | undefined>();

  /** `one(key)`: the value of a key, or undefined; `all()`: every entry, in order (the same values `one` gives). */
  constructor(
    private readonly one: (key: K) => V | undefined,
    private readonly all: () => Iterable<readonly [K, V]>,
  ) {
    super();
  }

  override get(key: K): V | undefined {
    if (this.#filled) return super.get(key);
    if (!this.#looked.has(key)) this.#looked.set(key, this.one(key));
    return this.#looked.get(key);
  }

  override has(key: K): boolean {
    return this.#filled ? super.has(key) : this.get(key) !== undefined;
  }

  override get size(): number {
    this.fill();
    return super.size;
  }

  override keys(): MapIterator<K> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.fill();
    return super.values();
  }

  override entries(): MapIterator<[K, V]> {
    this.fill();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  override set(key: K, value: V): this {
    this.fill();
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.fill();
    return super.delete(key);
  }

  override clear(): void {
    this.fill();
    super.clear();
  }

  /** Works out the whole map, once. */
  private fill(): void {
    if (this.#filled) return;
    this.#filled = true;
    for (const [key, value] of this.all()) super.set(key, value);
    this.#looked.clear();
  }
}
