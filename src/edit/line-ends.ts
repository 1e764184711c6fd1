// Line ends as the file has them. The texts a write produces end their lines in `\n` (edits
// insert lines, `fmt` prints the file anew); a file written with CRLF throughout keeps CRLF, or
// every write would mix line ends into it, and `fmt` would rewrite every line on Windows.
// YAML reads either line end the same, so the values are unchanged.

/** `text`, its lines ended in CRLF when every line of `original` is; otherwise as it is. */
export function withLineEndsOf(original: string, text: string): string {
  return usesCrlf(original) ? text.replace(/\r?\n/g, '\r\n') : text;
}

function usesCrlf(text: string): boolean {
  const crlf = text.split('\r\n').length - 1;
  return crlf > 0 && crlf === text.split('\n').length - 1;
}
