// Text -> documents. The fast parser takes what it can; the full parser takes the rest and
// gives detail. A huge file that the fast parser rejects is reported from the fast parser's own
// error, because the full parser needs about a second and 100 MB per megabyte of YAML.
import type { FileProblem, ParsedDocument, ParserName } from '../types.js';
import { parseFast } from './fast.js';
import { parseFull } from './full.js';

const FULL_PARSER_MAX_CHARS = 4 * 1024 * 1024;

export interface ParsedText {
  documents: ParsedDocument[];
  problems: FileProblem[];
  parser: ParserName;
}

export function parseText(text: string): ParsedText {
  const fast = parseFast(text);
  if (fast.ok) {
    const vouched = { ...(fast.plain ? { plain: true } : {}), ...(fast.finiteNumbers ? { finiteNumbers: true } : {}) };
    return { documents: fast.values.map((value) => ({ value, usable: true, ...vouched })), problems: [], parser: 'fast' };
  }
  if (text.length > FULL_PARSER_MAX_CHARS) {
    const problem = largeFileProblem(text, fast.reason, fast.offset);
    // A repeated key still leaves a well-defined file: read it with the last value winning.
    const lenient = problem.code === 'DUPLICATE_KEY' ? parseFast(text, true) : undefined;
    const documents = lenient?.ok ? lenient.values.map((value) => ({ value, usable: true })) : [];
    return { documents, problems: [problem], parser: 'fast' };
  }
  return { ...parseFull(text), parser: 'full' };
}

function largeFileProblem(text: string, reason: string, offset: number): FileProblem {
  const range = [offset, offset] as const;
  const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
  if (reason === 'duplicated mapping key') {
    // js-yaml stops at the second key; its text runs to the colon.
    const key = /^[^:\n]*/.exec(text.slice(offset))![0].trim();
    return { code: 'DUPLICATE_KEY', message: `the key \`${key}\` appears twice in this mapping`, range: [offset, offset + key.length], hint: 'keep one of them: YAML keeps only the last' };
  }
  if (reason.startsWith('anchors')) {
    return {
      code: 'UNSUPPORTED_YAML',
      message: `${reason} are not read in a file this large (${size})`,
      range,
      hint: 'write the values out, or split the file (one file per workload is the usual layout)',
    };
  }
  if (reason.startsWith('nesting')) return { code: 'UNSUPPORTED_YAML', message: reason, range };
  return { code: 'YAML_SYNTAX', message: reason, range };
}
