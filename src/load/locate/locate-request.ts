import type { OffsetRange, PathSegment, PathTarget } from '../../model/place.js';

export interface LocateRequest {
  /** Index of the YAML document in the file. */
  doc: number;
  path: readonly PathSegment[];
  target: PathTarget;
}

/** Finds the offsets of the node at a path; the deepest node that exists when the path goes further. */
export type Locator = (request: LocateRequest) => OffsetRange | undefined;

/** A range that starts on one line ends on it too: a caret under one line, not a whole block. */
export function clampToLine(text: string, [start, end]: OffsetRange): OffsetRange {
  const newline = text.indexOf('\n', start);
  if (newline === -1 || newline >= end) return [start, Math.max(start, end)];
  let lineEnd = newline;
  while (lineEnd > start && /\s/.test(text[lineEnd - 1]!)) lineEnd -= 1;
  return [start, Math.max(lineEnd, start + 1)];
}
