// What every JSON output shares: a `version` first, keys the tool makes in camelCase (keys that
// name backlog fields keep the backlog's spelling), two-space indentation. Each output's shape
// is in schemas/output/ (the zod schema and the JSON Schema generated from it).

/** Raised when an output's shape changes in a way a reader must know of. */
export const OUTPUT_VERSION = 1;

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
