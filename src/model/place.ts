// Where something stands: in a file's text (offsets), and in its YAML (a document and a path).

/** A step into a YAML value: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Which part of the node at a path a finding points at: the key that names it, or its value. */
export type PathTarget = 'key' | 'value';

/** Offsets into a file's text (UTF-16 code units, as JavaScript strings count). */
export type OffsetRange = readonly [start: number, end: number];

/** Where something stands in the backlog: a file, a YAML document in it, a path in that document. */
export interface NodeLocation {
  file: string;
  doc: number;
  path: readonly PathSegment[];
}
