// A file's text decoded from its bytes when first asked for: a run keeps the bytes of the
// files it read (outside the garbage collector's heap), and only a file with a finding to show,
// or an edit, asks for the text. Its own module: the parse cache needs it without the parsers.
import { readRegularFile } from '../files/regular-file.js';
import { decodeText } from './decode.js';
import type { FileProblem, ParserName, SourceFile } from './types.js';

/** The text of the file at `path` as a backlog file is read (UTF-8 or UTF-16, no byte-order mark), read now. */
export function readFileText(path: string): string {
  return decodeText(readRegularFile(path)).text;
}

/** The file with its text, decoded from `bytes` when first asked for. */
export function withTextOf(file: Omit<SourceFile, 'text'>, bytes: Uint8Array): SourceFile {
  return new DecodedOnDemand(file.path, file.problems, file.parser, file.unreadable, file.check, file.finiteNumbers === true, bytes);
}

/**
 * A file whose text is decoded when first asked for. A class: a getter defined on each object
 * would give each its own hidden class, 10,000 of them for the garbage collector to keep.
 */
class DecodedOnDemand implements SourceFile {
  private decoded: string | undefined;

  constructor(
    readonly path: string,
    readonly problems: FileProblem[],
    readonly parser: ParserName,
    readonly unreadable: boolean,
    readonly check: SourceFile['check'],
    readonly finiteNumbers: boolean,
    private readonly bytes: Uint8Array,
  ) {}

  get text(): string {
    return (this.decoded ??= decodeText(this.bytes).text);
  }
}
