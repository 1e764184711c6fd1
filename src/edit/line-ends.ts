// Line ends as the file has them. The texts a write produces end their lines in `\n` (edits
// insert lines, `fmt` prints the file anew); a file written with CRLF throughout keeps CRLF, or
// every write would mix line ends into it, and `fmt` would rewrite every line on Windows.
// YAML reads either line end the same, so the values are unchanged.

/**
 * `text`, its lines ended in CRLF when most lines of `original` are (a CRLF file that an older
 * writer left a few LF lines in is mended, not rewritten as LF); otherwise as it is.
 */
export function withLineEndsOf(original: string, text: string): string {
  return mostlyCrlf(original) ? text.replace(/\r?\n/g, '\r\n') : text;
}

function mostlyCrlf(text: string): boolean {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1 - crlf;
  return crlf > lf;
}
