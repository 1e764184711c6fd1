// A property worked out on first read, then kept: lets a query that needs only part of the
// model (the workloads of `list --priority`) skip the rest of it.

/** Defines `key` on `target` as computed by `compute` when first read; enumerable like any field. */
export function defineLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
  });
}
