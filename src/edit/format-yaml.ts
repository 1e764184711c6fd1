// `backlog fmt`: the canonical layout of a backlog file. Collections and fields in the order of
// the specification (`project` first, `x-*` fields after the known ones, unknown ones last as
// written), two-space indentation, lists indented under their key, no line folding; comments,
// blank lines, quoting and flow or block style kept. Formatting twice gives the same text.
import type * as z from 'zod';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { COLLECTIONS, isCollectionName } from '../../schemas/collections.js';
import { foreignKeyOf } from '../../schemas/vocabulary.js';
import { Project } from '../../schemas/project.js';
import { FULL_PARSE_OPTIONS } from '../load/parse/full.js';
import { isExtensionField } from '../load/check/extensions.js';
import { fieldNames, schemaAt } from '../load/check/schema-walk.js';
import { keyRank, TOP_LEVEL_ORDER } from './canonical-order.js';
import { EditError, unpaddedFlowLists } from './text-edits.js';
import { withLineEndsOf } from './line-ends.js';

export function formatYaml(text: string): string {
  return formatted(text, parseAllDocuments(text, FULL_PARSE_OPTIONS) as Document.Parsed[]);
}

/**
 * What `fmt` writes of a file, read once: its canonical layout with the file's line ends, and
 * when that differs from the text, why the file is of something else (then it is left as it is).
 */
export function formatForFmt(text: string): { formatted: string; foreign?: string } {
  const parsed = parseAllDocuments(text, FULL_PARSE_OPTIONS) as Document.Parsed[];
  const result = withLineEndsOf(text, formatted(text, parsed));
  // Formatting orders keys; it keeps which there are, so the documents formatted still tell.
  const foreign = result === text ? undefined : foreignReason(parsed);
  return foreign === undefined ? { formatted: result } : { formatted: result, foreign };
}

function formatted(text: string, parsed: Document.Parsed[]): string {
  if (!Array.isArray(parsed) || parsed.length === 0) return text;
  if (parsed.some((doc) => doc.errors.length > 0)) throw new EditError('the file has YAML errors');
  const out = parsed.map((doc) => {
    formatDocument(doc);
    const folded = holdFoldedScalars(doc, text);
    const written = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: true });
    return restoreFoldedScalars(withoutEmptyValueSpace(doc, written), folded);
  });
  return unpaddedFlowLists(out.join(''));
}

/**
 * Why a text is of something else, not a backlog: a document whose keys name no collection
 * (vocabulary.ts), or one that is no mapping (an Ansible playbook's list). Undefined for a backlog.
 */
export function foreignReasonOfText(text: string): string | undefined {
  return foreignReason(parseAllDocuments(text, FULL_PARSE_OPTIONS) as Document[]);
}

function foreignReason(documents: readonly Document[]): string | undefined {
  for (const doc of documents) {
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) continue;
    if (!isMap(contents)) return `a document is ${isSeq(contents) ? 'a list' : 'a value'}, not collections`;
    const found = foreignKeyOf(contents.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key)));
    if (found !== undefined) return `\`${found}\` is not a collection`;
  }
  return undefined;
}

/**
 * A document of comments alone (after a `---`) holds an empty value carrying them: the yaml
 * package writes that value, nothing, then ` #` or a blank line — neither of which the author wrote.
 */
function withoutEmptyValueSpace(doc: Document, written: string): string {
  const value = doc.contents;
  if (!isScalar(value) || value.source !== '' || value.range?.[0] !== value.range?.[1] || !value.comment) return written;
  return written.replace(/^((?:%.*\n)*---\n)?(?: #|\n#)/, '$1#');
}

/**
 * Folded block scalars (`>`) keep the line breaks their author chose: the yaml package would
 * refold them to one line at line width 0. Each is set aside behind a placeholder and written
 * back as it was, at its new indentation.
 */
interface HeldScalar {
  /** The header (`>`, `>-`, `>2+`) without a comment; the comment is written by the yaml package. */
  header: string;
  /** Content lines, without the indentation they had. */
  lines: string[];
  /** Blank lines after the content, which keep chomping (`+`) counts. */
  trailing: number;
}

function holdFoldedScalars(doc: Document.Parsed, text: string): HeldScalar[] {
  const held: HeldScalar[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.type !== 'BLOCK_FOLDED' || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      const [headerLine = '', ...body] = source.split('\n');
      const header = headerLine.replace(/\s+#.*$/, '').trim();
      const indicator = /[1-9]/.exec(header)?.[0];
      // The indentation the text is measured from: given by the indicator, else its first line.
      const keyLine = text.slice(text.lastIndexOf('\n', node.range[0] - 1) + 1, node.range[0]);
      const keyColumn = /^ *(?:- +)*/.exec(keyLine)![0].length;
      const firstLine = body.find((line) => line.trim() !== '') ?? '';
      const base = indicator ? keyColumn + Number(indicator) : firstLine.length - firstLine.trimStart().length;
      let end = body.length;
      while (end > 0 && body[end - 1]!.trim() === '') end -= 1;
      const trailing = body.slice(end).length - (source.endsWith('\n') ? 1 : 0);
      held.push({ header, lines: body.slice(0, end).map((line) => line.slice(Math.min(base, line.length - line.trimStart().length))), trailing: Math.max(0, trailing) });
      node.type = 'PLAIN';
      node.value = `${PLACEHOLDER}${held.length - 1}`;
    },
  });
  return held;
}

const PLACEHOLDER = '\u0000folded-';

function restoreFoldedScalars(written: string, held: readonly HeldScalar[]): string {
  if (held.length === 0) return written;
  return written.replace(/^( *)(.*?)"\\0folded-(\d+)"( #.*)?$/gm, (_, indent: string, before: string, index: string, comment: string | undefined) => {
    const { header, lines, trailing } = held[Number(index)]!;
    // Deeper than the key it belongs to, which may follow list dashes on its line; an explicit
    // indentation indicator becomes 2, the new distance from that key.
    const dashes = /^(?:- +)*/.exec(before)![0].length;
    const wanted = indent.length + dashes + 2;
    const newHeader = header.replace(/[1-9]/, '2');
    const body = lines.map((line) => (line.trim() === '' ? '' : ' '.repeat(wanted) + line));
    const keep = header.includes('+') ? Array.from({ length: trailing }, () => '') : [];
    return [`${indent}${before}${newHeader}${comment ?? ''}`, ...body, ...keep].join('\n');
  });
}

function formatDocument(doc: Document.Parsed): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  sortPairs(root, TOP_LEVEL_ORDER);
  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key === 'project' && isMap(pair.value)) formatObject(pair.value, Project);
    else if (key !== undefined && isCollectionName(key) && isSeq(pair.value)) {
      const schema = COLLECTIONS[key].schema as z.ZodType;
      for (const item of pair.value.items) if (isMap(item)) formatObject(item, schema, true);
    }
  }
}

/** An entity, or a mapping inside one, in the order of its schema, recursively. */
function formatObject(map: YAMLMap, schema: z.ZodType, inSequence = false): void {
  sortPairs(map, fieldNames(schema), inSequence);
  for (const pair of map.items) {
    const key = keyOf(pair);
    if (key === undefined || isExtensionField(key)) continue;
    const inner = schemaAt(schema, [key]);
    if (!inner) continue;
    if (isMap(pair.value) && fieldNames(inner).length > 0) formatObject(pair.value, inner);
    if (isSeq(pair.value)) {
      const element = schemaAt(inner, [0]);
      if (element && fieldNames(element).length > 0) for (const item of pair.value.items) if (isMap(item)) formatObject(item, element, true);
    }
  }
}

/** Known keys in the given order, then `x-*` keys, then the rest; each group keeps its written order. */
function sortPairs(map: YAMLMap, order: readonly string[], inSequence = false): void {
  const rank = (pair: unknown) => keyRank(order, isPair(pair) ? keyOf(pair) : undefined);
  const sorted = map.items.map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i);
  if (sorted.every(({ i }, position) => i === position)) return;
  // A comment above the first pair belongs to the mapping's start, not to that pair.
  const first = map.items[0];
  const leading = first && isScalar(first.key) ? first.key.commentBefore : undefined;
  if (first && isScalar(first.key)) first.key.commentBefore = undefined;
  map.items = sorted.map(({ pair }) => pair);
  const head = map.items[0];
  if (!head || !isScalar(head.key)) return;
  const comment = [leading, head.key.commentBefore].filter(Boolean).join('\n');
  // What stands above the first field is written above the mapping: in a list, above its dash,
  // where the next format would move it anyway; a blank line there belongs to the mapping too.
  head.key.spaceBefore = false;
  if (inSequence) {
    head.key.commentBefore = undefined;
    if (comment) map.commentBefore = [map.commentBefore, comment].filter(Boolean).join('\n');
  } else {
    head.key.commentBefore = comment || undefined;
  }
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}
