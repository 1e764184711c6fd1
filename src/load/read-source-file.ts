import { findConflictMarkers } from './conflict-markers.js';
import { decodeText } from './decode.js';
import { parseText } from './parse/parse-text.js';
import type { SourceFile } from './types.js';

/** Bytes -> a parsed file. Never throws for bad content: every problem becomes a FileProblem. */
export function readSourceFile(path: string, bytes: Uint8Array): SourceFile {
  const { text, problem } = decodeText(bytes);
  if (problem) return { path, text, documents: [], problems: [problem], parser: 'full' };
  // A file with conflict markers holds two versions at once: reading either would mislead.
  const markers = findConflictMarkers(text);
  if (markers.length > 0) return { path, text, documents: [], problems: markers, parser: 'full' };
  return { path, text, ...parseText(text) };
}
