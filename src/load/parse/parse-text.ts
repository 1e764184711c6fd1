// Text -> documents. The fast reader (subset.ts) takes what it can; the `yaml` package takes
// the rest and gives detail. A file too large for the `yaml` package (its time and memory grow
// fast with size) is read by the fast reader alone: a key written twice is then read as YAML
// does, and anything else the fast reader does not take is one finding where it stopped.
import type { FileProblem, ParsedDocument, ParserName } from '../types.js';
import { parseFull } from './full.js';
import { readSubset, type SubsetDocument } from './subset.js';

const FULL_PARSER_MAX_CHARS = 4 * 1024 * 1024;

/** Constructs a large file may hold that only the full parser reads: named in the finding. */
const FULL_PARSER_CONSTRUCT = /^(?:[&*!]|<<|\?\s)/;

export interface ParsedText {
  documents: ParsedDocument[];
  problems: FileProblem[];
  parser: ParserName;
}

export function parseText(text: string): ParsedText {
  const read = readSubset(text);
  if ('value' in read) return { documents: [documentOf(read)], problems: [], parser: 'fast' };
  if (text.length > FULL_PARSER_MAX_CHARS) return largeFile(text);
  return { ...parseFull(text), parser: 'full' };
}

function documentOf(read: SubsetDocument): ParsedDocument {
  return { value: read.value, usable: true, ...(read.extensionKeys ? {} : { plain: true }), ...(read.finiteNumbers ? { finiteNumbers: true } : {}) };
}

function largeFile(text: string): ParsedText {
  const read = readSubset(text, { lastKeyWins: true });
  if ('value' in read) {
    const problems = read.duplicates.map(({ key, range, first }): FileProblem => ({
      code: 'DUPLICATE_KEY',
      message: `the key \`${key}\` appears twice in this mapping`,
      range,
      related: [first],
      hint: 'keep one of them: YAML keeps only the last',
    }));
    return { documents: [documentOf(read)], problems, parser: 'fast' };
  }
  const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
  const at = read.offset;
  const construct = FULL_PARSER_CONSTRUCT.test(text.slice(at, at + 3));
  const problem: FileProblem = {
    code: 'UNSUPPORTED_YAML',
    message: construct
      ? `anchors, aliases, tags, merge keys and explicit keys are not read in a file this large (${size})`
      : `a file this large (${size}) is read only as plain YAML (block mappings and lists, one-line values), and it is not from here`,
    range: [at, at],
    hint: 'split the file (one file per workload is the usual layout), or write this part plainly; a YAML error here also stops the reading',
  };
  return { documents: [], problems: [problem], parser: 'fast' };
}
