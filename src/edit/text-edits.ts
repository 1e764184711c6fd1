// Surgical edits of YAML text: the `yaml` package finds where a node stands, and only those
// characters change. Comments, key order, quoting, indentation and every untouched line stay
// exactly as written — re-stringifying a whole document would not keep them.
//
// Edits are computed as splices against one parse of the text and applied together, from the
// end backwards, so a batch of a thousand (an import) costs one parse, not a thousand.
import { Document, isMap, isScalar, isSeq, Lexer, parseAllDocuments, stringify, visit, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { FULL_PARSE_OPTIONS } from '../load/parse/full.js';
import type { PathSegment } from '../model/place.js';
import { keyOrderAt, keyRank } from './canonical-order.js';
import { PlainYaml } from './plain-yaml.js';

export class EditError extends Error {
  override readonly name = 'EditError';
}

export type Edit =
  /** Set `field` of the mapping at `path` of document `doc`; `undefined` removes it. */
  | { kind: 'set'; doc: number; path: readonly PathSegment[]; field: string; value: unknown }
  /** Append items to the list `collection` at the top of document `doc`, starting it when absent. */
  | { kind: 'append'; doc: number; collection: string; items: unknown[] };

interface Splice {
  start: number;
  end: number;
  text: string;
}

export function setField(text: string, doc: number, path: readonly PathSegment[], field: string, value: unknown): string {
  return applyEdits(text, [{ kind: 'set', doc, path, field, value }]);
}

export function appendItem(text: string, doc: number, collection: string, value: unknown): string {
  return applyEdits(text, [{ kind: 'append', doc, collection, items: [value] }]);
}

/** Applies edits in order; a later edit of the same field wins. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const parsed = parseAllDocuments(text, FULL_PARSE_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  const splices: Array<Splice & { order: number; depth: number; rank: number }> = [];
  const last = new Map<string, number>();
  edits.forEach((edit, i) => {
    if (edit.kind === 'set') last.set(JSON.stringify([edit.doc, edit.path, edit.field]), i);
  });
  edits.forEach((edit, order) => {
    if (edit.kind === 'set' && last.get(JSON.stringify([edit.doc, edit.path, edit.field])) !== order) return;
    if (edit.kind === 'append' && docs.length === 0 && edit.doc === 0) {
      splices.push({ start: text.length, end: text.length, text: (text === '' || text.endsWith('\n') ? '' : '\n') + toYaml({ [edit.collection]: edit.items }), order, depth: 0, rank: 0 });
      return;
    }
    const document = docs[edit.doc];
    if (!document) throw new EditError(`document ${edit.doc + 1} does not exist`);
    if (document.errors.length > 0) throw new EditError('the file has YAML errors');
    const splice = edit.kind === 'set' ? setSplice(text, document, edit) : appendSplice(text, document, edit);
    if (splice) splices.push({ ...splice, order, depth: edit.kind === 'set' ? edit.path.length : 0, rank: edit.kind === 'set' ? keyRank(keyOrderAt(edit.path) ?? [], edit.field) : 0 });
  });
  // From the end backwards. At one place: what goes into a deeper mapping last, so that it ends
  // up inside its mapping, before what follows the mapping; fields in their canonical order;
  // else the later edit first, so that edits keep their order.
  splices.sort((a, b) => b.start - a.start || a.depth - b.depth || b.rank - a.rank || b.order - a.order);
  let result = text;
  for (const splice of splices) result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

function setSplice(text: string, document: Document.Parsed, edit: Extract<Edit, { kind: 'set' }>): Splice | undefined {
  const { path, field, value } = edit;
  const map = nodeAt(document, path);
  if (!isMap(map)) throw new EditError(`${describe(path)} is not a mapping`);
  const pair = map.items.findLast((item) => isScalar(item.key) && String(item.key.value) === field);
  if (value === undefined) return pair ? removePair(text, map, pair) : undefined;
  if (!pair) return addPair(text, map, field, value, keyOrderAt(path));
  const keyRange = (pair.key as Node).range!;
  if (pair.value === null || !isNode(pair.value)) {
    // `key:` with nothing after it.
    const colon = text.indexOf(':', keyRange[1]);
    return { start: colon + 1, end: colon + 1, text: ` ${inlineValue(value) ?? ''}` };
  }
  const [start, end] = pair.value.range!;
  // A block list of plain items becomes the new list item by item: the lines of the items kept
  // stay as written, with their comments.
  if (isSeq(pair.value) && !pair.value.flow && Array.isArray(value)) {
    const items = blockListSplice(text, pair.value, value);
    if (items) return items;
  }
  // Written on one line (a scalar, `[a, b]`), it stays on one line; a block stays a block.
  const wasInline = map.flow || !(isMap(pair.value) || isSeq(pair.value)) || (pair.value as YAMLMap | YAMLSeq).flow === true;
  const inline = wasInline || !isCollection(value) ? inlineValue(value) : null;
  // A block scalar's range takes in the line break after it, which must stay.
  if (inline !== null) return { start, end: withoutTrailingBreaks(text, start, end), text: inline };
  return { start: keyRange[0], end: lineEnd(text, end), text: blockPair(field, value, columnOf(text, keyRange[0])).trimStart().replace(/\n$/, '') };
}

/**
 * A block list of plain items rewritten as `items`: each item kept is moved with its lines (its
 * comments above it and beside it), new ones are added as `- item`, the others go with their
 * lines. Undefined when the list holds more than plain items.
 */
function blockListSplice(text: string, seq: YAMLSeq, items: readonly unknown[]): Splice | undefined {
  const nodes = seq.items as unknown[];
  if (nodes.length === 0 || !nodes.every((node) => isScalar(node) && node.range) || items.some((item) => isCollection(item))) return undefined;
  const scalars = nodes as Scalar[];
  const start = text.lastIndexOf('\n', scalars[0]!.range![0]) + 1;
  const dash = text.lastIndexOf('-', scalars[0]!.range![0]);
  const indent = columnOf(text, dash);
  // Each item's lines: from after the previous item's line (comments above it belong to it) to its own line's end.
  let from = blockStart(text, start);
  const lines = scalars.map((node) => {
    const to = lineEnd(text, node.range![1]);
    const own = text.slice(from, to);
    from = to + 1;
    return own;
  });
  const end = lineEnd(text, scalars.at(-1)!.range![1]);
  const unused = scalars.map((_, i) => i);
  const written = items.map((item) => {
    const at = unused.find((i) => sameItem(scalars[i]!.value, item));
    if (at === undefined) return `${' '.repeat(indent)}- ${inlineValue(item)}`;
    unused.splice(unused.indexOf(at), 1);
    return lines[at]!;
  });
  const first = blockStart(text, start);
  return { start: first, end, text: written.join('\n') };
}

/** The start of the comment lines right above a line: they belong to what follows them. */
function blockStart(text: string, lineStart: number): number {
  let at = lineStart;
  while (at > 0) {
    const previous = text.lastIndexOf('\n', at - 2) + 1;
    if (!/^\s*#/.test(text.slice(previous, at - 1))) break;
    at = previous;
  }
  return at;
}

function sameItem(written: unknown, wanted: unknown): boolean {
  return written === wanted || (typeof written === 'string' && typeof wanted === 'string' && written.toLowerCase() === wanted.toLowerCase());
}

/** A range's end before the line breaks it ends with (a block scalar's). */
function withoutTrailingBreaks(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && (text[at - 1] === '\n' || text[at - 1] === '\r')) at -= 1;
  return at;
}

function appendSplice(text: string, document: Document.Parsed, edit: Extract<Edit, { kind: 'append' }>): Splice {
  const { collection, items } = edit;
  const root = document.contents;
  if (root === null || root === undefined) {
    const at = document.range[1];
    return { start: at, end: at, text: toYaml({ [collection]: items }) };
  }
  if (!isMap(root)) throw new EditError('the document is not a mapping');
  const pair = root.items.find((item) => isScalar(item.key) && String(item.key.value) === collection);
  if (!pair) {
    const at = lineEnd(text, root.range![1]);
    return { start: at, end: at, text: `\n${toYaml({ [collection]: items }).replace(/\n$/, '')}` };
  }
  const seq = pair.value;
  if (seq === null || (isScalar(seq) && seq.value === null)) return setSplice(text, document, { kind: 'set', doc: edit.doc, path: [], field: collection, value: items })!;
  if (!isSeq(seq)) throw new EditError(`\`${collection}\` is not a list`);
  const lastItem = seq.items.at(-1) as Node | undefined;
  if (seq.flow) {
    const at = lastItem ? lastItem.range![1] : text.indexOf('[', seq.range![0]) + 1;
    return { start: at, end: at, text: items.map((item, i) => `${lastItem || i > 0 ? ', ' : ''}${inlineValue(item)}`).join('') };
  }
  const dash = text.lastIndexOf('-', lastItem?.range?.[0] ?? seq.range![0]);
  const indent = columnOf(text, dash);
  const at = lineEnd(text, lastItem ? lastItem.range![1] : seq.range![1]);
  // Written like the item before it: `- { id: ... }` after a flow item, a block after a block.
  const flowSibling = (isMap(lastItem) || isSeq(lastItem)) && (lastItem as YAMLMap | YAMLSeq).flow === true;
  const written = items.map((item) => {
    const inline = flowSibling ? inlineValue(item) : null;
    return inline !== null ? `${' '.repeat(indent)}- ${inline}` : blockItem(item, indent).replace(/\n$/, '');
  });
  return { start: at, end: at, text: `\n${written.join('\n')}` };
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

/**
 * A new pair, where fmt would put it: after the last pair that comes before it in the canonical
 * order of the mapping (`order`), or last when no order is known.
 */
function addPair(text: string, map: YAMLMap, field: string, value: unknown, order: readonly string[] | undefined): Splice {
  const rank = (pair: Pair) => keyRank(order ?? [], isScalar(pair.key) ? String(pair.key.value) : undefined);
  const wanted = keyRank(order ?? [], field);
  const following = order ? map.items.findIndex((pair) => rank(pair) > wanted) : -1;
  const before = following === -1 ? map.items.at(-1) : following > 0 ? map.items[following - 1] : undefined;
  const beforeEnd = before ? ((before.value as Node | null) ?? (before.key as Node)).range![1] : undefined;
  if (map.flow) {
    const at = beforeEnd ?? text.indexOf('{', map.range![0]) + 1;
    const more = map.items.length > 0;
    return before ? { start: at, end: at, text: `, ${field}: ${inlineValue(value)}` } : { start: at, end: at, text: ` ${field}: ${inlineValue(value)}${more ? ',' : ' '}` };
  }
  const first = map.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(text, first.range[0]) : 0;
  const written = blockPair(field, value, indent).replace(/\n$/, '');
  if (beforeEnd !== undefined) {
    const at = lineEnd(text, beforeEnd);
    return { start: at, end: at, text: `\n${written}` };
  }
  // First of all: on its own line above the first key, unless that key shares its line with a list dash.
  const firstStart = first!.range![0];
  const lineStart = text.lastIndexOf('\n', firstStart - 1) + 1;
  if (text.slice(lineStart, firstStart).trim() === '') return { start: lineStart, end: lineStart, text: `${written}\n` };
  const at = lineEnd(text, ((map.items[0]!.value as Node | null) ?? first!).range![1]);
  return { start: at, end: at, text: `\n${written}` };
}

function removePair(text: string, map: YAMLMap, pair: Pair): Splice {
  const keyStart = (pair.key as Node).range![0];
  const valueEnd = ((pair.value as Node | null) ?? (pair.key as Node)).range![1];
  if (map.flow) {
    // Take the comma before it (or after it, for the first pair).
    const before = text.lastIndexOf(',', keyStart);
    const index = map.items.indexOf(pair);
    if (index > 0 && before !== -1) return { start: before, end: valueEnd, text: '' };
    const after = text.indexOf(',', valueEnd);
    const end = index < map.items.length - 1 && after !== -1 ? after + 1 : valueEnd;
    let stop = end;
    while (text[stop] === ' ') stop += 1;
    return { start: keyStart, end: stop, text: '' };
  }
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  // The first field of a list item shares the line with its dash: the dash stays, and the
  // next field moves up beside it (or the item becomes an empty mapping).
  if (/-\s+$/.test(text.slice(start, keyStart))) {
    const next = map.items[map.items.indexOf(pair) + 1]?.key as Node | undefined;
    return next?.range ? { start: keyStart, end: next.range[0], text: '' } : { start: keyStart, end: valueEnd, text: '{}' };
  }
  return { start, end: Math.min(text.length, lineEnd(text, valueEnd) + 1), text: '' };
}

/** One line of YAML, as people write it: `[a, b]`, `{ id: x, name: y }`. */
function inlineValue(value: unknown): string | null {
  const text = unpaddedFlowLists(stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: true }).trimEnd());
  return text.includes('\n') ? null : text;
}

/** `[a, b]` for lists, `{ id: x }` for mappings: the yaml package pads both or neither. */
export function unpaddedFlowLists(text: string): string {
  const tokens = [...new Lexer().lex(text)].filter((token) => !/^[\u0002\u0018\u001f]$/.test(token));
  return tokens.filter((token, i) => !(token === ' ' && (tokens[i - 1] === '[' || tokens[i + 1] === ']'))).join('');
}

function blockPair(field: string, value: unknown, indent: number): string {
  return reindent(toYaml({ [field]: value }), indent);
}

function blockItem(value: unknown, indent: number): string {
  return reindent(toYaml([value]), indent);
}

/** Block style, but lists of plain values in flow style (`workloads: [crm]`), as people write them. */
function toYaml(value: unknown): string {
  return new PlainYaml().write(value) ?? documentYaml(value);
}

/** What toYaml gives, always by the `yaml` package's document model. */
export function documentYaml(value: unknown): string {
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

function describe(path: readonly PathSegment[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('') || 'the document';
}
