// Surgical edits of YAML text: the `yaml` package finds where a node stands, and only those
// characters change. Comments, key order, quoting, indentation and every untouched line stay
// exactly as written — re-stringifying a whole document would not keep them.
import { Document, isMap, isScalar, isSeq, parseAllDocuments, stringify, visit, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { FULL_PARSE_OPTIONS } from '../load/parse/full.js';
import type { PathSegment } from '../load/types.js';

export class EditError extends Error {
  override readonly name = 'EditError';
}

/** Sets `field` of the mapping at `path` in document `doc`; `undefined` removes the field. */
export function setField(text: string, doc: number, path: readonly PathSegment[], field: string, value: unknown): string {
  const document = documentAt(text, doc);
  const map = nodeAt(document, path);
  if (!isMap(map)) throw new EditError(`${describe(path)} is not a mapping`);
  const pair = map.items.findLast((item) => isScalar(item.key) && String(item.key.value) === field);
  if (value === undefined) return pair ? removePair(text, map, pair) : text;
  if (pair && pair.value && isNode(pair.value)) {
    const [start, end] = valueRange(pair.value);
    // Written on one line (a scalar, `[a, b]`), it stays on one line; a block stays a block.
    const wasInline = map.flow || !(isMap(pair.value) || isSeq(pair.value)) || (pair.value as YAMLMap | YAMLSeq).flow === true;
    const inline = wasInline || !isCollection(value) ? inlineValue(value) : null;
    if (inline !== null) return text.slice(0, start) + inline + text.slice(end);
    const [keyStart] = (pair.key as Node).range!;
    return text.slice(0, keyStart) + blockPair(field, value, columnOf(text, keyStart)).trimStart().replace(/\n$/, '') + text.slice(lineEnd(text, end));
  }
  if (pair) {
    // `key:` with nothing after it.
    const keyEnd = (pair.key as Node).range![1];
    const colon = text.indexOf(':', keyEnd);
    return `${text.slice(0, colon + 1)} ${inlineValue(value) ?? ''}${text.slice(colon + 1)}`;
  }
  return addPair(text, map, field, value);
}

/** Appends an item to the sequence `collection` of document `doc`, creating it when absent. */
export function appendItem(text: string, doc: number, collection: string, value: unknown): string {
  // An empty (or comment-only) file has no document yet: the collection starts it.
  if (doc === 0 && isEmptyStream(text)) return ensureNewline(text) + toYaml({ [collection]: [value] });
  const document = documentAt(text, doc);
  const root = document.contents;
  if (root === null || root === undefined) {
    return ensureNewline(text) + toYaml({ [collection]: [value] });
  }
  if (!isMap(root)) throw new EditError('the document is not a mapping');
  const pair = root.items.find((item) => isScalar(item.key) && String(item.key.value) === collection);
  if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    if (pair) return setField(text, doc, [], collection, [value]);
    const end = root.range![1];
    const before = ensureNewline(text.slice(0, end));
    return before + toYaml({ [collection]: [value] }) + text.slice(end).replace(/^\n/, '');
  }
  const seq = pair.value;
  if (!isSeq(seq)) throw new EditError(`\`${collection}\` is not a list`);
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range![1]);
    const separator = seq.items.length > 0 ? ', ' : '';
    return text.slice(0, close).replace(/\s*$/, '') + separator + inlineValue(value) + text.slice(close);
  }
  const last = seq.items.at(-1) as Node | undefined;
  const dash = text.lastIndexOf('-', last?.range?.[0] ?? seq.range![0]);
  const indent = columnOf(text, dash);
  const at = lineEnd(text, last ? valueRange(last)[1] : seq.range![1]);
  // Written like the item before it: `- { id: ... }` after a flow item, a block after a block.
  const flowSibling = (isMap(last) || isSeq(last)) && (last as YAMLMap | YAMLSeq).flow === true;
  const inline = flowSibling ? inlineValue(value) : null;
  const item = inline !== null ? `${' '.repeat(indent)}- ${inline}\n` : blockItem(value, indent);
  return `${ensureNewline(text.slice(0, at))}${item}${text.slice(at).replace(/^\n/, '')}`;
}

function isEmptyStream(text: string): boolean {
  const docs = parseAllDocuments(text, FULL_PARSE_OPTIONS);
  return !Array.isArray(docs) || docs.length === 0;
}

function documentAt(text: string, doc: number): Document.Parsed {
  const docs = parseAllDocuments(text, FULL_PARSE_OPTIONS);
  const document = Array.isArray(docs) ? docs[doc] : undefined;
  if (!document) throw new EditError(`document ${doc + 1} does not exist`);
  if (document.errors.length > 0) throw new EditError('the file has YAML errors');
  return document;
}

function nodeAt(document: Document.Parsed, path: readonly PathSegment[]): unknown {
  let node: unknown = document.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

function addPair(text: string, map: YAMLMap, field: string, value: unknown): string {
  if (map.flow) {
    const close = text.lastIndexOf('}', map.range![1]);
    const separator = map.items.length > 0 ? ', ' : ' ';
    return `${text.slice(0, close).replace(/\s*$/, '')}${separator}${field}: ${inlineValue(value)} ${text.slice(close)}`;
  }
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(text, first.range[0]) : 0;
  const last = map.items.at(-1);
  const lastEnd = last ? valueRange((last.value as Node | null) ?? (last.key as Node))[1] : map.range![1];
  const at = lineEnd(text, lastEnd);
  return `${ensureNewline(text.slice(0, at))}${blockPair(field, value, indent)}${text.slice(at).replace(/^\n/, '')}`;
}

function removePair(text: string, map: YAMLMap, pair: Pair): string {
  const keyStart = (pair.key as Node).range![0];
  const valueEnd = valueRange((pair.value as Node | null) ?? (pair.key as Node))[1];
  if (map.flow) {
    // Take the comma before it (or after it, for the first pair).
    const before = text.lastIndexOf(',', keyStart);
    const index = map.items.indexOf(pair);
    if (index > 0 && before !== -1) return text.slice(0, before) + text.slice(valueEnd);
    const after = text.indexOf(',', valueEnd);
    const end = index < map.items.length - 1 && after !== -1 ? after + 1 : valueEnd;
    return text.slice(0, keyStart) + text.slice(end).replace(/^ +/, '');
  }
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  return text.slice(0, start) + text.slice(Math.min(text.length, lineEnd(text, valueEnd) + 1));
}

/** The value's own text: the yaml package's range ends after trailing blank lines of block scalars. */
function valueRange(node: Node): [number, number] {
  const [start, end] = node.range!;
  return [start, end];
}

function inlineValue(value: unknown): string | null {
  const text = stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: true }).trimEnd();
  return text.includes('\n') ? null : text;
}

function blockPair(field: string, value: unknown, indent: number): string {
  return reindent(toYaml({ [field]: value }), indent);
}

function blockItem(value: unknown, indent: number): string {
  return reindent(toYaml([value]), indent);
}

/** Block style, but lists of plain values in flow style (`workloads: [crm]`), as people write them. */
export function toYaml(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function reindent(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

function isCollection(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of the line an offset is on (before its newline), past any trailing comment. */
function lineEnd(text: string, offset: number): number {
  // Ranges of block nodes end at the start of the next line.
  const from = offset > 0 && text[offset - 1] === '\n' ? offset - 1 : offset;
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function describe(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('') || 'the document';
}

