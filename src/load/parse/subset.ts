// The fastest path: a parser for the plain YAML that backlog files are made of — one document,
// a block mapping at the top, block mappings and sequences nested by indentation, one-line
// scalars (plain, single- or double-quoted) and one-line flow collections, comments. It is
// faster than js-yaml on such files because it does less: anything else, and anything it is not
// sure of (tabs, multi-line scalars, block scalars, duplicate keys, odd keys or escapes), makes
// it give up, and js-yaml reads the file instead. It only ever gives up or gives the value the
// `yaml` package gives (tests/load/parsers.test.ts compares them on fixtures and generated files).
import { MAX_NESTING } from '../../validate/dialect.js';
import { isExtensionField } from '../../validate/extensions.js';
import { standsAt } from '../../text/stands-at.js';
import { isJsonNumber, plainScalarValue } from './core-schema.js';

/** Thrown to give up; caught once, at the top. */
class NotInSubset {}
const GIVE_UP = new NotInSubset();

/** Characters the subset leaves to the other parsers: tabs, CR, BOM, controls, surrogates, YAML 1.1 line breaks. */
const UNSUPPORTED_CHARACTER = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\ufffe\uffff\ud800-\udfff]/;

/** Keys read as something other than their text, or that an object cannot hold as they are. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

/** Characters no plain scalar starts with (quotes and brackets are read before this is asked). */
const INDICATOR = /[,[\]{}#&*!|>'"%@`]/;

/** The longest key read here (YAML's limit for a key without `?` is 1024 characters). */
const MAX_KEY_LENGTH = 1000;

/**
 * The deepest nesting of collections read here, counting the top mapping as 1; deeper ones are
 * left to the other parsers (and their limits). The dialect's limit counts the top as 0: no
 * document read here is too deep for it, and the check need not walk one to find out.
 */
const MAX_DEPTH = MAX_NESTING;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const COMMA = 44;

/** A document read by the subset, and what was seen on the way (the checks need not walk the value to learn it). */
export interface SubsetDocument {
  value: Record<string, unknown>;
  /** Whether any key, at any depth, is an `x-` field. */
  extensionKeys: boolean;
  /** Whether every number read is one JSON keeps as it is (no infinity, NaN or -0): the parse cache need not look for them. */
  finiteNumbers: boolean;
}

/**
 * The document, or undefined when the text is not in the subset. Its collections nest at most
 * MAX_DEPTH deep counting the top mapping: within the dialect's limit (MAX_NESTING counts from 0).
 */
export function parseSubset(text: string): SubsetDocument | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    const parser = new SubsetParser(text.split('\n'));
    const value = parser.document();
    return { value, extensionKeys: parser.extensionKeys, finiteNumbers: parser.finiteNumbers };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class SubsetParser {
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
  /** Per depth, the keys of the last mapping read there, in order (key). */
  private readonly keysRead: string[][] = [];
  /** Each line's indent; -1 for a line with nothing to read (blank, or only a comment). */
  private readonly indents: Int32Array;

  constructor(private readonly lines: string[]) {
    this.indents = new Int32Array(lines.length);
    lines.forEach((line, index) => {
      let column = 0;
      while (line.charCodeAt(column) === SPACE) column++;
      this.indents[index] = column === line.length || line.charCodeAt(column) === HASH ? -1 : column;
    });
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
    this.enter();
    this.column = firstColumn;
    for (let ordinal = 0; ; ordinal++) {
      // A document marker (`---`, `...`) or anything else that is no plain key: not read here.
      const key = this.key(result, ordinal);
      result[key] = this.valueAfter(column, true);
      const indent = this.nextIndent();
      if (indent < column) return this.leave(result);
      if (indent > column) throw GIVE_UP;
      this.column = column;
    }
  }

  /** A block sequence whose `-` stand at `column`. */
  private sequence(column: number): unknown[] {
    const result: unknown[] = [];
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
      const indent = this.nextIndent();
      if (indent < column) return this.leave(result);
      if (indent > column) throw GIVE_UP;
      // At the same column but no item: the next key of the mapping this sequence is the value of.
      if (!isItem(this.line, indent)) return this.leave(result);
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  private leave<T>(collection: T): T {
    this.depth--;
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
    if (Object.hasOwn(seen, key)) throw GIVE_UP;
    this.column = column + key.length + 1;
    return key;
  }

  /**
   * The value after a key's `:` or an item's `-` (the column reached), in a collection at
   * `column`: on the same line, or the block nested under it. Moves past the lines it took.
   */
  private valueAfter(column: number, inMapping: boolean): unknown {
    const line = this.line;
    const start = skipSpaces(line, this.column);
    if (start === line.length || (line.charCodeAt(start) === HASH && start > this.column)) {
      this.at++;
      const indent = this.nextIndent();
      if (indent > column) return isItem(this.line, indent) ? this.sequence(indent) : this.mapping(indent, indent);
      // A sequence may stand at its key's own indent.
      if (inMapping && indent === column && isItem(this.line, indent)) return this.sequence(indent);
      return null;
    }
    this.column = start;
    const value = this.inlineValue();
    const rest = skipSpaces(line, this.column);
    if (rest < line.length && !(line.charCodeAt(rest) === HASH && rest > this.column)) throw GIVE_UP;
    this.at++;
    // A more-indented line after a value would continue it (a multi-line scalar): not read here.
    if (this.nextIndent() > column) throw GIVE_UP;
    return value;
  }

  /** A value that starts at the column reached and ends on this line. */
  private inlineValue(): unknown {
    const first = this.line.charCodeAt(this.column);
    if (first === 91 /* [ */ || first === 123 /* { */) return this.flowNode();
    if (first === 34 /* " */) return this.doubleQuoted();
    if (first === 39 /* ' */) return this.singleQuoted();
    return this.blockPlain();
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
      this.column = skipSpaces(line, this.column + 1);
      if (line.charCodeAt(this.column) === close) {
        this.column++;
        return this.leave(result);
      }
      for (let ordinal = 0; ; ordinal++) {
        if (isMapping) {
          const entries = result as Record<string, unknown>;
          const key = this.key(entries, ordinal);
          // In a flow mapping the key's `:` must be followed by a space, not end the line.
          if (line.charCodeAt(this.column) !== SPACE) throw GIVE_UP;
          this.column = skipSpaces(line, this.column);
          entries[key] = this.flowNode();
        } else {
          (result as unknown[]).push(this.flowNode());
        }
        this.column = skipSpaces(line, this.column);
        const next = line.charCodeAt(this.column);
        if (next === close) {
          this.column++;
          return this.leave(result);
        }
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
        this.column = quote + 1;
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
        this.column = quote + 1;
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
