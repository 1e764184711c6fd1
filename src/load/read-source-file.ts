import { checkFile } from './check/check-file.js';
import { findConflictMarkers } from './conflict-markers.js';
import { decodeText } from './decode.js';
import { withTextOf } from './file-text.js';
import { parseText } from './parse/parse-text.js';
import type { FileProblem, ParsedDocument, ParserName, SourceFile } from './types.js';

/**
 * Bytes -> a parsed and checked file. Never throws for bad content: every problem becomes a
 * finding. The bytes are kept (the text is decoded from them again when asked for): they must
 * not change.
 */
export function readSourceFile(path: string, bytes: Uint8Array): SourceFile {
  const { text, problem } = decodeText(bytes);
  if (problem) return sourceFile(path, bytes, [], [problem], 'full');
  // A file with conflict markers holds two versions at once: reading either would mislead.
  const markers = findConflictMarkers(text);
  if (markers.length > 0) return sourceFile(path, bytes, [], markers, 'full');
  const { documents, problems, parser } = parseText(text);
  return sourceFile(path, bytes, documents, problems, parser);
}

// Neither the parsed values nor the text are kept: the check holds all that counts, and the
// text is decoded again from the bytes when asked for (a file with a finding to show, an edit).
// Kept, 10,000 files' values and texts would be for the garbage collector to copy; the bytes
// are outside its heap.
function sourceFile(path: string, bytes: Uint8Array, documents: ParsedDocument[], problems: FileProblem[], parser: ParserName): SourceFile {
  const unreadable = problems.length > 0 && (documents.length === 0 || documents.some((document) => !document.usable));
  const finiteNumbers = documents.every((document) => document.finiteNumbers === true);
  return withTextOf({ path, problems, parser, unreadable, check: checkFile({ path, documents }), ...(finiteNumbers ? { finiteNumbers } : {}) }, bytes);
}
