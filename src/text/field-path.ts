/** A path inside an entity as the user would write it: `depends_on[1]`, `target.region`. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}
