// Text from backlog files on its way to a terminal, a log or a web page: control characters
// (escape sequences that clear screens or retitle windows) and bidirectional overrides (text
// that reads differently than it runs) are shown as visible escapes, never passed through.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

/** Every string in a value made printable: for text built from many fields of the files. */
export function printableDeep(value: unknown): unknown {
  if (typeof value === 'string') return printable(value);
  if (Array.isArray(value)) return value.map(printableDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, printableDeep(item)]));
  return value;
}
