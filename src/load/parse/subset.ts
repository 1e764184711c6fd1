// The fast reader: a parser for the plain YAML that backlog files are made of — one document,
// a block mapping at the top, block mappings and sequences nested by indentation, one-line
// scalars (plain, single- or double-quoted) and one-line flow collections, comments, LF or CRLF
// line ends. It does less than a full YAML parser, so it is fast: anything else, and anything it
// is not sure of (tabs, multi-line scalars, block scalars, duplicate keys, odd keys or escapes),
// makes it give up, and the `yaml` package reads the file instead. It only ever gives up or gives
// the value, and the places, that the `yaml` package gives (tests/load/differential.test.ts).
import { MAX_NESTING } from '../check/dialect.js';
import { isExtensionField } from '../check/extensions.js';
import { standsAt } from '../../text/stands-at.js';
import type { OffsetRange } from '../../model/place.js';
import { isJsonNumber, plainScalarValue } from './core-schema.js';

/** Thrown to give up; caught once, at the top. */
class NotInSubset {}
const GIVE_UP = new NotInSubset();

/** Characters the subset leaves to the full parser: tabs, BOM, controls, surrogates, YAML 1.1 line breaks (CR only before LF). */
const UNSUPPORTED_CHARACTER = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff\ud800-\udfff]/;

/** A carriage return that ends no line (one before a line feed is part of a CRLF line end). */
const LONE_CR = /\r(?!\n)/;

/** Where the text holds a character the subset leaves to the full parser; -1 when none. */
function unsupportedAt(text: string): number {
  const found = UNSUPPORTED_CHARACTER.exec(text) ?? (text.includes('\r') ? LONE_CR.exec(text) : null);
  return found ? found.index : -1;
}

/** Keys read as something other than their text, or that an object cannot hold as they are. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

/** Characters no plain scalar starts with (quotes and brackets are read before this is asked). */
const INDICATOR = /[,[\]{}#&*!|>'"%@`]/;

/** The longest key read here (YAML's limit for a key without `?` is 1024 characters). */
const MAX_KEY_LENGTH = 1000;

/**
 * The deepest nesting of collections read here, counting the top mapping as 1; deeper ones are
 * left to the full parser (and its limits). The dialect's limit counts the top as 0: no
 * document read here is too deep for it, and the check need not walk one to find out.
 */
const MAX_DEPTH = MAX_NESTING;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;
const CR = 13;

/** A document read by the subset, and what was seen on the way (the checks need not walk the value to learn it). */
export interface SubsetDocument {
  value: Record<string, unknown>;
  /** Whether any key, at any depth, is an `x-` field. */
  extensionKeys: boolean;
  /** Whether every number read is one JSON keeps as it is (no infinity, NaN or -0): the parse cache need not look for them. */
  finiteNumbers: boolean;
  /** With `lastKeyWins`: each key written again in its mapping, and where it was first. */
  duplicates: DuplicateKey[];
}

interface DuplicateKey {
  key: string;
  range: OffsetRange;
  first: OffsetRange;
}

/** Where a node stands: a scalar or a collection, with its keys and items placed when it has any. */
export interface PlacedNode {
  range: OffsetRange;
  /** A mapping's first key (the last one written is in `entries` when a key is written twice). */
  first?: OffsetRange;
  entries?: Map<string, { key: OffsetRange; value: PlacedNode }>;
  items?: PlacedNode[];
}

export interface SubsetOptions {
  /** Read a key written twice in a mapping as YAML does, the last one winning, and say where (for a file too large for the full parser). */
  lastKeyWins?: boolean;
}

/** Why the text is not in the subset: where reading stopped. */
export interface NotRead {
  offset: number;
}

/**
 * The document, or where reading stopped when the text is not in the subset. Its collections
 * nest at most MAX_DEPTH deep counting the top mapping: within the dialect's limit
 * (MAX_NESTING counts from 0).
 */
export function readSubset(text: string, options: SubsetOptions = {}): SubsetDocument | NotRead {
  const unsupported = unsupportedAt(text);
  if (unsupported !== -1) return { offset: unsupported };
  const parser = new SubsetParser(text, options.lastKeyWins === true, false);
  try {
    const value = parser.document();
    return { value, extensionKeys: parser.extensionKeys, finiteNumbers: parser.finiteNumbers, duplicates: parser.duplicates };
  } catch (error) {
    if (error === GIVE_UP) return { offset: parser.offsetReached() };
    throw error;
  }
}

/** The document, or undefined when the text is not in the subset. */
export function parseSubset(text: string): SubsetDocument | undefined {
  const read = readSubset(text);
  return 'value' in read ? read : undefined;
}

/**
 * Where every node of a document in the subset stands, as the `yaml` package places it (a key
 * written twice placed at its last); undefined when the text is not in the subset. For the
 * files that have findings to place: a bulk read keeps no places.
 */
export function placeSubset(text: string): PlacedNode | undefined {
  if (unsupportedAt(text) !== -1) return undefined;
  const parser = new SubsetParser(text, true, true);
  try {
    parser.document();
    return parser.placed;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class SubsetParser {
  private readonly lines: string[];
  /** Each line's offset in the text. */
  private readonly lineStarts: Int32Array;
  /** The line being read, its text, and the column reached in it. */
  private at = 0;
  private line = '';
  private column = 0;
  /** Collections open around the one being read. */
  private depth = 0;
  /** Whether a key read so far is an `x-` field. */
  extensionKeys = false;
  /** Whether every number read so far is one JSON keeps as it is. */
  finiteNumbers = true;
  /** With lastKeyWins: keys written twice, and where each key of a mapping was first written. */
  readonly duplicates: DuplicateKey[] = [];
  private readonly firstKeys: WeakMap<object, Map<string, OffsetRange>> | undefined;
  /** When placing: the node last read, and the key last read. */
  placed: PlacedNode | undefined;
  private keyRange: OffsetRange = [0, 0];
  /** When placing: the offset after the last line a value was read from (where a block collection ends). */
  private readTo = 0;
  /** Per depth, the keys of the last mapping read there, in order (key). */
  private readonly keysRead: string[][] = [];
  /** Each line's indent; -1 for a line with nothing to read (blank, or only a comment). */
  private readonly indents: Int32Array;

  constructor(
    private readonly text: string,
    lastKeyWins: boolean,
    private readonly placing: boolean,
  ) {
    const lines = text.split('\n');
    this.lines = lines;
    this.indents = new Int32Array(lines.length);
    this.lineStarts = new Int32Array(lines.length + 1);
    const crlf = text.includes('\r');
    let offset = 0;
    lines.forEach((written, index) => {
      this.lineStarts[index] = offset;
      offset += written.length + 1;
      // A CR is only ever read before an LF (UNSUPPORTED_CHARACTER): a CRLF line end.
      const line = crlf && written.charCodeAt(written.length - 1) === CR ? (lines[index] = written.slice(0, -1)) : written;
      let column = 0;
      while (line.charCodeAt(column) === SPACE) column++;
      this.indents[index] = column === line.length || line.charCodeAt(column) === HASH ? -1 : column;
    });
    this.lineStarts[lines.length] = text.length;
    this.firstKeys = lastKeyWins ? new WeakMap() : undefined;
  }

  /** Where reading is: for a text that is not in the subset, where it stopped. */
  offsetReached(): number {
    return Math.min(this.lineStarts[this.at]! + this.column, this.text.length);
  }

  private offset(column: number): number {
    return this.lineStarts[this.at]! + column;
  }

  document(): Record<string, unknown> {
    if (this.nextIndent() !== 0) throw GIVE_UP;
    const value = this.mapping(0, 0);
    if (this.at !== this.lines.length) throw GIVE_UP;
    return value;
  }

  /** Moves to the next line with content: its indent, or -1 at the end. */
  private nextIndent(): number {
    while (this.at < this.lines.length && this.indents[this.at] === -1) this.at++;
    if (this.at === this.lines.length) return -1;
    this.line = this.lines[this.at]!;
    return this.indents[this.at]!;
  }

  /**
   * A block mapping whose keys stand at `column`. Its first key is on the current line at
   * `firstColumn` (after `- ` in a sequence, the line's own indent is less).
   */
  private mapping(column: number, firstColumn: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const node: PlacedNode | undefined = this.placing ? { range: [this.offset(firstColumn), 0], entries: new Map() } : undefined;
    this.enter();
    this.column = firstColumn;
    for (let ordinal = 0; ; ordinal++) {
      // A document marker (`---`, `...`) or anything else that is no plain key: not read here.
      const key = this.key(result, ordinal);
      const keyRange = this.keyRange;
      result[key] = this.valueAfter(column, true);
      if (node) {
        node.first ??= keyRange;
        node.entries!.set(key, { key: keyRange, value: this.placed! });
      }
      const indent = this.nextIndent();
      if (indent < column) return this.leave(result, node);
      if (indent > column) throw GIVE_UP;
      this.column = column;
    }
  }

  /** A block sequence whose `-` stand at `column`. */
  private sequence(column: number): unknown[] {
    const result: unknown[] = [];
    const node: PlacedNode | undefined = this.placing ? { range: [this.offset(column), 0], items: [] } : undefined;
    this.enter();
    for (;;) {
      this.column = column + 1;
      const start = skipSpaces(this.line, this.column);
      if (keyEnd(this.line, start) !== -1) {
        // `- key: value`: a mapping whose keys stand where this first one does.
        result.push(this.mapping(start, start));
      } else {
        result.push(this.valueAfter(column, false));
      }
      node?.items!.push(this.placed!);
      const indent = this.nextIndent();
      if (indent < column) return this.leave(result, node);
      if (indent > column) throw GIVE_UP;
      // At the same column but no item: the next key of the mapping this sequence is the value of.
      if (!isItem(this.line, indent)) return this.leave(result, node);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  /** `node`, when placing: a block collection ends after the last line read into it. */
  private leave<T>(collection: T, node: PlacedNode | undefined): T {
    this.depth--;
    if (node) {
      (node.range as [number, number])[1] = this.readTo;
      this.placed = node;
    }
    return collection;
  }

  /**
   * A plain key at the column reached and its `:`, the `ordinal`-th of its mapping; the column
   * moves past them. The entities of a list mostly write the same fields in the same order: a
   * key that is the one read at that place of the last mapping at this depth is taken as it was
   * (hundreds of thousands of keys are not made and looked up again).
   */
  private key(seen: Record<string, unknown>, ordinal: number): string {
    const { line, column } = this;
    const known = (this.keysRead[this.depth] ??= [])[ordinal];
    let key: string;
    if (known !== undefined && standsAt(line, known, column) && keyEndsAt(line, column + known.length)) {
      key = known;
    } else {
      const end = keyEnd(line, column);
      if (end === -1) throw GIVE_UP;
      key = line.slice(column, end);
      if (isSpecialKey(key)) throw GIVE_UP;
      // A known key was read this way first: what it says of x- fields is said already.
      if (isExtensionField(key)) this.extensionKeys = true;
      this.keysRead[this.depth]![ordinal] = key;
    }
    if (this.placing || this.firstKeys) this.keyRange = [this.offset(column), this.offset(column + key.length)];
    if (this.firstKeys) this.noteKey(seen, key);
    else if (Object.hasOwn(seen, key)) throw GIVE_UP;
    this.column = column + key.length + 1;
    return key;
  }

  /** With lastKeyWins: a key written again in its mapping is noted with where it was first. */
  private noteKey(mapping: object, key: string): void {
    let firsts = this.firstKeys!.get(mapping);
    if (!firsts) this.firstKeys!.set(mapping, (firsts = new Map()));
    const first = firsts.get(key);
    if (first) this.duplicates.push({ key, range: this.keyRange, first });
    else firsts.set(key, this.keyRange);
  }

  /**
   * The value after a key's `:` or an item's `-` (the column reached), in a collection at
   * `column`: on the same line, or the block nested under it. Moves past the lines it took.
   */
  private valueAfter(column: number, inMapping: boolean): unknown {
    const line = this.line;
    const start = skipSpaces(line, this.column);
    if (start === line.length || (line.charCodeAt(start) === HASH && start > this.column)) {
      // An empty value stands where the line's text or comment goes on. The `yaml` package ends
      // it there, or, when comments follow it (on its line or lines of their own), after them.
      const empty: PlacedNode | undefined = this.placing ? { range: [this.offset(start), this.offset(start)] } : undefined;
      const emptyAt = this.at;
      this.at++;
      const indent = this.nextIndent();
      if (empty) this.readTo = start < line.length || this.commentsBetween(emptyAt + 1, this.at) ? this.lineStarts[this.at]! : this.lineStarts[emptyAt]! + start;
      if (indent > column) return isItem(this.line, indent) ? this.sequence(indent) : this.mapping(indent, indent);
      // A sequence may stand at its key's own indent.
      if (inMapping && indent === column && isItem(this.line, indent)) return this.sequence(indent);
      this.placed = empty;
      return null;
    }
    this.column = start;
    const value = this.inlineValue();
    const rest = skipSpaces(line, this.column);
    if (rest < line.length && !(line.charCodeAt(rest) === HASH && rest > this.column)) throw GIVE_UP;
    if (this.placing) this.readTo = this.lineStarts[this.at + 1]!;
    this.at++;
    // A more-indented line after a value would continue it (a multi-line scalar): not read here.
    if (this.nextIndent() > column) throw GIVE_UP;
    return value;
  }

  /** Whether any line from `from` up to `to` holds a comment. */
  private commentsBetween(from: number, to: number): boolean {
    for (let at = from; at < to; at++) if (this.lines[at]!.trimStart().startsWith('#')) return true;
    return false;
  }

  /** A value that starts at the column reached and ends on this line. */
  private inlineValue(): unknown {
    const first = this.line.charCodeAt(this.column);
    if (first === 91 /* [ */ || first === 123 /* { */) return this.flowNode();
    if (first === 34 /* " */) return this.doubleQuoted();
    if (first === 39 /* ' */) return this.singleQuoted();
    return this.blockPlain();
  }

  /** When placing: a scalar from `start` to the column reached. */
  private placeScalar(start: number, end = this.column): void {
    if (this.placing) this.placed = { range: [this.offset(start), this.offset(end)] };
  }

  /** A node of a flow collection (or the collection itself); it must end on this line. */
  private flowNode(): unknown {
    const line = this.line;
    const first = line.charCodeAt(this.column);
    if (first === 91 /* [ */ || first === 123 /* { */) {
      this.enter();
      const close = first + 2; // `]` and `}` follow `[` and `{` by two
      const isMapping = first === 123;
      const result: unknown[] | Record<string, unknown> = isMapping ? {} : [];
      const opened = this.column;
      const node: PlacedNode | undefined = this.placing ? { range: [this.offset(opened), 0], ...(isMapping ? { entries: new Map() } : { items: [] }) } : undefined;
      /** A flow collection ends after its closing bracket. */
      const closed = () => {
        this.column++;
        this.depth--;
        if (node) {
          (node.range as [number, number])[1] = this.offset(this.column);
          this.placed = node;
        }
        return result;
      };
      this.column = skipSpaces(line, this.column + 1);
      if (line.charCodeAt(this.column) === close) return closed();
      for (let ordinal = 0; ; ordinal++) {
        if (isMapping) {
          const entries = result as Record<string, unknown>;
          const key = this.key(entries, ordinal);
          const keyRange = this.keyRange;
          // In a flow mapping the key's `:` must be followed by a space, not end the line.
          if (line.charCodeAt(this.column) !== SPACE) throw GIVE_UP;
          this.column = skipSpaces(line, this.column);
          entries[key] = this.flowNode();
          if (node) {
            node.first ??= keyRange;
            node.entries!.set(key, { key: keyRange, value: this.placed! });
          }
        } else {
          (result as unknown[]).push(this.flowNode());
          node?.items!.push(this.placed!);
        }
        this.column = skipSpaces(line, this.column);
        const next = line.charCodeAt(this.column);
        if (next === close) return closed();
        if (next !== COMMA) throw GIVE_UP;
        this.column = skipSpaces(line, this.column + 1);
        if (line.charCodeAt(this.column) === close) throw GIVE_UP; // a trailing comma
      }
    }
    if (first === 34 /* " */) return this.doubleQuoted();
    if (first === 39 /* ' */) return this.singleQuoted();
    return this.flowPlain();
  }

  /** A plain scalar in block context: to the end of the line or a ` #` comment. */
  private blockPlain(): unknown {
    const line = this.line;
    const start = this.column;
    if (!startsPlain(line, start, false)) throw GIVE_UP;
    const comment = line.indexOf(' #', start);
    let end = comment === -1 ? line.length : comment;
    while (line.charCodeAt(end - 1) === SPACE) end--;
    const text = line.slice(start, end);
    // `: ` or a final `:` would make it a key: a nested mapping on one line, which YAML forbids.
    if (text.includes(': ') || text.endsWith(':')) throw GIVE_UP;
    this.column = end;
    this.placeScalar(start);
    return this.scalar(text);
  }

  /** A plain scalar in a flow collection: it ends at `,`, `]`, `}`; `: ` or a comment give up. */
  private flowPlain(): unknown {
    const line = this.line;
    const start = this.column;
    if (!startsPlain(line, start, true)) throw GIVE_UP;
    let end = start;
    for (; end < line.length; end++) {
      const c = line.charCodeAt(end);
      if (c === COMMA || c === 93 /* ] */ || c === 125 /* } */) break;
      if (c === 91 /* [ */ || c === 123 /* { */) throw GIVE_UP;
      // `: ` would make a key (a pair in a sequence), `:` before an indicator is ambiguous, ` #` a comment.
      if (c === COLON && endsFlowPlain(line.charCodeAt(end + 1))) throw GIVE_UP;
      if (c === HASH && line.charCodeAt(end - 1) === SPACE) throw GIVE_UP;
    }
    if (end === line.length) throw GIVE_UP; // a flow collection that goes on to the next line
    this.column = end;
    while (line.charCodeAt(end - 1) === SPACE) end--;
    this.placeScalar(start, end);
    return this.scalar(line.slice(start, end));
  }

  /** A plain scalar's value, noting a number JSON would not keep as it is. */
  private scalar(text: string): unknown {
    const value = plainScalarValue(text);
    if (typeof value === 'number' && !isJsonNumber(value)) this.finiteNumbers = false;
    return value;
  }

  private doubleQuoted(): string {
    const line = this.line;
    let text = '';
    let from = this.column + 1;
    for (;;) {
      const quote = line.indexOf('"', from);
      if (quote === -1) throw GIVE_UP; // a string that goes on to the next line
      const escape = line.indexOf('\\', from);
      if (escape === -1 || quote < escape) {
        const start = this.column;
        this.column = quote + 1;
        this.placeScalar(start);
        return text + line.slice(from, quote);
      }
      text += line.slice(from, escape);
      const code = line[escape + 1]!;
      if (code === 'u') {
        const hex = line.slice(escape + 2, escape + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw GIVE_UP;
        const unit = parseInt(hex, 16);
        if (unit >= 0xd800 && unit <= 0xdfff) throw GIVE_UP; // half of a pair
        text += String.fromCharCode(unit);
        from = escape + 6;
      } else {
        const char = ESCAPES[code];
        if (char === undefined) throw GIVE_UP;
        text += char;
        from = escape + 2;
      }
    }
  }

  private singleQuoted(): string {
    const line = this.line;
    let text = '';
    let from = this.column + 1;
    for (;;) {
      const quote = line.indexOf("'", from);
      if (quote === -1) throw GIVE_UP; // a string that goes on to the next line
      text += line.slice(from, quote);
      if (line.charCodeAt(quote + 1) !== 39 /* ' */) {
        const start = this.column;
        this.column = quote + 1;
        this.placeScalar(start);
        return text;
      }
      text += "'";
      from = quote + 2;
    }
  }
}

/** Escapes the subset reads in double quotes; any other one makes it give up. */
const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/** Where a plain key starting at `start` ends (its `:` follows, then a space or the end of the line); -1 when none does. */
function keyEnd(line: string, start: number): number {
  const first = line.charCodeAt(start);
  // A letter or `_` first; then letters, digits, `_`, `.` and `-`.
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95)) return -1;
  let end = start + 1;
  for (;;) {
    const c = line.charCodeAt(end);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === DASH) end++;
    else break;
  }
  // YAML allows an implicit key of at most 1024 characters.
  if (end - start > MAX_KEY_LENGTH) return -1;
  return keyEndsAt(line, end) ? end : -1;
}

/** Whether a key's `:` is at `end`, followed by a space or the end of the line. */
function keyEndsAt(line: string, end: number): boolean {
  if (line.charCodeAt(end) !== COLON) return false;
  const after = line.charCodeAt(end + 1);
  return after === SPACE || Number.isNaN(after);
}

function isSpecialKey(key: string): boolean {
  const first = key.charCodeAt(0);
  // Only keys starting with n, N, t, T, f, F or _ can be: most are answered without the pattern.
  const maybe = first === 110 || first === 78 || first === 116 || first === 84 || first === 102 || first === 70 || first === 95;
  return maybe && SPECIAL_KEY.test(key);
}

function isItem(line: string, column: number): boolean {
  return line.charCodeAt(column) === DASH && (column + 1 === line.length || line.charCodeAt(column + 1) === SPACE);
}

function skipSpaces(line: string, from: number): number {
  let at = from;
  while (line.charCodeAt(at) === SPACE) at++;
  return at;
}

/** Whether a plain scalar may start at `start`, in a flow collection or not. */
function startsPlain(line: string, start: number, inFlow: boolean): boolean {
  const first = line[start];
  if (first === undefined || INDICATOR.test(first)) return false;
  // `-`, `?` and `:` start a plain scalar only when something else follows: not a space, nor in
  // a flow collection one of its indicators (`[-]` is no text).
  if (first === '-' || first === '?' || first === ':') {
    const next = line.charCodeAt(start + 1);
    return !Number.isNaN(next) && next !== SPACE && !(inFlow && endsFlowPlain(next));
  }
  return true;
}

/** After a `:` in a flow plain scalar: the end of the line, a space or a flow indicator. */
function endsFlowPlain(next: number): boolean {
  return Number.isNaN(next) || next === SPACE || next === COMMA || next === 91 || next === 93 || next === 123 || next === 125;
}
