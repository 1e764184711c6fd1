import { checkFile } from '../validate/check-documents.js';
import { findConflictMarkers } from './conflict-markers.js';
import { decodeText } from './decode.js';
import { parseText } from './parse/parse-text.js';
import type { FileProblem, ParsedDocument, ParserName, SourceFile } from './types.js';

/** Bytes -> a parsed and checked file. Never throws for bad content: every problem becomes a finding. */
export function readSourceFile(path: string, bytes: Uint8Array): SourceFile {
  const { text, problem } = decodeText(bytes);
  if (problem) return sourceFile(path, text, [], [problem], 'full');
  // A file with conflict markers holds two versions at once: reading either would mislead.
  const markers = findConflictMarkers(text);
  if (markers.length > 0) return sourceFile(path, text, [], markers, 'full');
  const { documents, problems, parser } = parseText(text);
  return sourceFile(path, text, documents, problems, parser);
}

// The parsed values are not kept: the check holds all that counts, and keeping 10,000 files'
// values alive beside their checked entities doubles what the garbage collector must copy.
function sourceFile(path: string, text: string, documents: ParsedDocument[], problems: FileProblem[], parser: ParserName): SourceFile {
  const unreadable = problems.length > 0 && (documents.length === 0 || documents.some((document) => !document.usable));
  return { path, text, problems, parser, unreadable, check: checkFile({ path, documents }) };
}
