// The full path: the `yaml` package, for files the fast path does not take. It reports every
// syntax error with its place, and the YAML constructs this tool refuses: duplicate keys (with
// the first occurrence), custom tags, too many aliases, nesting the parser cannot follow.
import type { Document, Node, ParseOptions, DocumentOptions, SchemaOptions, ToJSOptions } from 'yaml';
import { yamlLibrary } from './libraries.js';
import type { FileProblem, ParsedDocument } from '../types.js';
import type { OffsetRange, PathSegment } from '../../model/place.js';
import { syntaxProblems } from './syntax-messages.js';

const MAX_ALIASES_PER_DOCUMENT = 100;

export const FULL_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  // Reported with both places by findDuplicateKeys rather than once by the parser.
  uniqueKeys: false,
  resolveKnownTags: false,
  stringKeys: true,
  prettyErrors: false,
};

// The package counts an anchor's own node as one use: 100 aliases of one anchor are 101 uses.
// Its limit then guards only against expansion (an alias bomb); the count is checked above.
const TO_JS: ToJSOptions = { maxAliasCount: MAX_ALIASES_PER_DOCUMENT + 1 };

export interface FullParse {
  documents: ParsedDocument[];
  problems: FileProblem[];
}

export function parseFull(text: string): FullParse {
  const docs = yamlLibrary().parseAllDocuments(text, FULL_PARSE_OPTIONS);
  const documents: ParsedDocument[] = [];
  const problems: FileProblem[] = [];
  for (const doc of Array.isArray(docs) ? docs : []) {
    const { found, readable } = documentProblems(doc, text);
    problems.push(...found);
    if (!readable) {
      documents.push({ value: null, usable: false });
      continue;
    }
    const mergeKeys = setAsideMergeKeys(doc.contents);
    const document = toValue(doc, problems);
    documents.push(mergeKeys.length > 0 && document.usable ? { ...document, mergeKeys } : document);
  }
  return { documents, problems };
}

/**
 * The problems of one document, and whether its value can still be used: a duplicate key or a
 * custom tag leaves a well-defined value (the last key wins, the tag is ignored), so the rest of
 * the document is still checked; syntax errors, too many aliases and nesting too deep do not.
 */
function documentProblems(doc: Document.Parsed, text: string): { found: FileProblem[]; readable: boolean } {
  const found: FileProblem[] = [];
  let tooDeep = false;
  let unclosedAt: number | undefined;
  const others = [];
  for (const error of doc.errors) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      // The parser gives up on deep nesting once per level; one finding says it.
      if (!tooDeep) found.push(unsupported('nesting too deep to read', error.pos));
      tooDeep = true;
    } else if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
      // The parser notices at the end of the file; the mistake is where the quote opens.
      const quote = error.message.includes('"quote') ? '"' : "'";
      const start = openingQuote(text, error.pos[0], quote);
      found.push({ code: 'YAML_SYNTAX', message: `this ${quote === '"' ? 'double' : 'single'}-quoted text is never closed`, range: [start, start + 1], hint: `close it with ${quote}` });
      unclosedAt = error.pos[0];
    } else if (error.pos[0] !== unclosedAt) {
      // Errors at the same place as an unclosed quote are its consequences.
      others.push(error);
    }
  }
  if (!tooDeep) found.push(...syntaxProblems(others, text));
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      found.push(unsupported(`custom tags are not supported (${firstLine(warning.message)})`, warning.pos, 'remove the tag: values are plain YAML'));
    } else {
      found.push({ code: 'YAML_SYNTAX', message: firstLine(warning.message), range: warning.pos });
    }
  }
  if (tooDeep || doc.errors.length > 0) return { found, readable: false };
  const structure = structureProblems(doc.contents);
  found.push(...structure);
  return { found, readable: !structure.some((problem) => problem.code === 'UNSUPPORTED_YAML') };
}

/** Where an unclosed quoted scalar opens: the last unescaped quote before the end the parser reached. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let backslashes = 0;
      while (text[i - 1 - backslashes] === '\\') backslashes += 1;
      if (backslashes % 2 === 0) return i;
    } else if (text[i - 1] === "'") {
      i -= 1; // '' is a quote inside single-quoted text
    } else {
      return i;
    }
  }
  return end;
}

/** Duplicate keys and aliases, found in one walk of the document's nodes. */
function structureProblems(root: unknown): FileProblem[] {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  const problems: FileProblem[] = [];
  let aliases = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      aliases += 1;
      if (aliases === MAX_ALIASES_PER_DOCUMENT + 1) {
        problems.push(unsupported(`more than ${MAX_ALIASES_PER_DOCUMENT} aliases in one document`, rangeOf(node), 'aliases are limited to protect against alias bombs; write the values out'));
      }
    } else if (isMap(node)) {
      const seen = new Map<string, OffsetRange>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          const name = String(key.value);
          const first = seen.get(name);
          if (first) {
            problems.push({ code: 'DUPLICATE_KEY', message: `the key \`${name}\` appears twice in this mapping`, range: rangeOf(key), related: [first], hint: 'keep one of them: YAML keeps only the last' });
          } else {
            seen.set(name, rangeOf(key));
          }
        }
      }
      // Pushed last-first, so that nodes are visited in document order (the 101st alias is the 101st written).
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!.value);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return problems;
}

/**
 * Merge keys (a plain `<<`: quoted, it is an ordinary key) are taken out of the document before
 * its value is made, so that an entity has only the fields written in it; their paths go with
 * the value, for the check to report (check-documents.ts). The fast parser never sees one: it
 * leaves any text with `<<` to this parser. An anchored mapping's merge key is reported once,
 * where it is written, not at every alias of it.
 */
function setAsideMergeKeys(root: unknown): PathSegment[][] {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  const found: PathSegment[][] = [];
  const stack: Array<{ node: unknown; path: PathSegment[] }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      node.items = node.items.filter((pair) => {
        const key = pair.key as Node | null;
        const merge = isScalar(key) && key.type === 'PLAIN' && key.value === '<<';
        if (merge) found.push([...path, '<<']);
        return !merge;
      });
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key)) stack.push({ node: pair.value, path: [...path, String(key.value)] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
    }
  }
  return found.reverse();
}

function toValue(doc: Document.Parsed, problems: FileProblem[]): ParsedDocument {
  try {
    return { value: doc.toJS(TO_JS), usable: true };
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      problems.push(unsupported('aliases expand too far (an alias bomb)', rangeOf(doc.contents)));
      return { value: null, usable: false };
    }
    throw error;
  }
}

function unsupported(message: string, range: OffsetRange | undefined, hint?: string): FileProblem {
  return { code: 'UNSUPPORTED_YAML', message, ...(range ? { range } : {}), ...(hint ? { hint } : {}) };
}

function rangeOf(node: unknown): OffsetRange {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // The yaml package ends its messages with " at line L, column C:"; we give the place separately.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
