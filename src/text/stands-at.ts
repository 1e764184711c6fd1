// Comparing a short text with part of a longer one, in place: what startsWith at a position
// does, without its cost per call (the parser's keys and the references' kinds are a few
// characters, compared hundreds of thousands of times).

/** Whether `text` stands in `line` from `column` on. */
export function standsAt(line: string, text: string, column: number): boolean {
  for (let at = 0; at < text.length; at++) if (line.charCodeAt(column + at) !== text.charCodeAt(at)) return false;
  return true;
}
