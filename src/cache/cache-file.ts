// The one format of every cache file: JSON sections, each hashed, then a JSON header that says
// where each section lies, then a last line with the header's place and hash. Sections are
// written as they come (the parse results of 10,000 files are streamed, never held whole), and
// read one at a time, each checked against its hash (a query reads the workloads, not the
// 50,000 servers beside them). Two files share a section when their hashes are equal.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, readSync, rmSync, statSync } from 'node:fs';
import { ChunkEncoder, TemporaryFile, writeFileAtomic } from '../files/atomic-write.js';
import { DamagedCacheError, errorMessage } from '../errors.js';
import { openRegularFile } from '../files/regular-file.js';

/** Where a section lies after the start of the file, its hash, and whether it is ASCII only (read back faster as latin1). */
type SectionRange = [start: number, end: number, hash: string, ascii: 0 | 1];

interface StoredHeader {
  sections: Record<string, SectionRange>;
}

export interface CacheFile<H> {
  header: H;
  /** A hash of the header, which holds each section's hash: equal in two files when their contents are. */
  id: string;
  /** A section parsed; undefined when the file has no such section. Throws DamagedCacheError when it does not match its hash. */
  section<T>(name: string): T | undefined;
  /** A hash of a section's content: equal in two files when the sections are. */
  sectionHash(name: string): string | undefined;
  /** An ASCII section's bytes as they are written, with their hash, to be copied into another file unread; undefined when there is none such. */
  sectionAsWritten(name: string): WrittenSection | undefined;
  /** Writes the file again with another header and the same sections (their bytes as they are). */
  rewrite(header: object): void;
}

/** The longest last line: two numbers in decimal and a hash. */
const MAX_LAST_LINE = 128;

/** A cache file written section by section to a temporary file, which takes its place once finished. */
export class CacheFileWriter {
  private readonly encoder = new ChunkEncoder();
  private readonly sections: Record<string, SectionRange> = {};
  private offset = 0;
  private current: { name: string; start: number; hash: Hash; ascii: boolean } | undefined;
  /** Undefined once writing failed: the rest is not written, and the old file stays. */
  private file: TemporaryFile | undefined;

  private constructor(file: TemporaryFile) {
    this.file = file;
  }

  /** A writer of `location`; undefined when the file cannot be made (a read-only disk: the cache only saves time). */
  static open(location: string): CacheFileWriter | undefined {
    try {
      return new CacheFileWriter(new TemporaryFile(location, { durable: false }));
    } catch {
      return undefined;
    }
  }

  /** A whole section; `ascii`: the text is ASCII only (asciiJson made it). */
  section(name: string, json: string, ascii = false): void {
    this.startSection(name, ascii);
    this.write(json);
    this.endSection();
  }

  startSection(name: string, ascii = false): void {
    if (this.current) throw new Error(`section ${this.current.name} is not ended`);
    this.current = { name, start: this.offset, hash: createHash('sha1'), ascii };
  }

  /** More of the section started. */
  write(text: string): void {
    for (const chunk of this.encoder.encode(text)) this.output(chunk);
  }

  endSection(): void {
    const current = this.current!;
    this.output(this.encoder.rest());
    this.sections[current.name] = [current.start, this.offset, current.hash.digest('hex'), current.ascii ? 1 : 0];
    this.current = undefined;
  }

  /**
   * A writer whose file starts as a copy of `from`'s sections (and whatever lies between them),
   * copied by the system: the sections named in `kept` stay where they lie, the others in the
   * file unread. Undefined when it cannot be made (`from` replaced since it was read).
   */
  static over(location: string, from: OpenedFile, kept: readonly string[]): CacheFileWriter | undefined {
    try {
      const writer = new CacheFileWriter(TemporaryFile.startingAs(location, { durable: false }, { path: from.location, length: from.headerStart, endsWith: from.lastLine }));
      writer.offset = from.headerStart;
      for (const name of kept) writer.sections[name] = from.sections[name]!;
      return writer;
    } catch {
      return undefined;
    }
  }

  /** Whether the file has this section already. */
  holds(name: string): boolean {
    return Object.hasOwn(this.sections, name);
  }

  /**
   * A section of another file, copied as it is: its hash is not worked out again, nor checked
   * (a damaged section keeps a hash it does not match, and is found so when it is read).
   */
  copy(name: string, section: WrittenSection): void {
    if (this.current) throw new Error(`section ${this.current.name} is not ended`);
    const start = this.offset;
    this.output(section.bytes);
    this.sections[name] = [start, this.offset, section.hash, 1];
  }

  /** Writes the header and puts the file in place of the one there was; false when it could not be written. */
  finish(header: object): boolean {
    const headerJson = asciiJson({ ...header, sections: this.sections } satisfies StoredHeader);
    const last = `\n${this.offset} ${headerJson.length} ${sha1(headerJson)}\n`;
    try {
      this.file?.write(Buffer.from(headerJson + last, 'latin1'));
      this.file?.replace();
      return this.file !== undefined;
    } catch {
      return false;
    } finally {
      this.file = undefined;
    }
  }

  private output(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.current?.hash.update(bytes);
    this.offset += bytes.length;
    try {
      this.file?.write(bytes);
    } catch {
      // Discarded by the failed write.
      this.file = undefined;
    }
  }
}

/** Writes a cache file of these sections at once (each any JSON value); false when it could not be written. */
export function writeCacheFile(location: string, header: object, sections: Record<string, unknown>): boolean {
  const over = fileToKeep(sections);
  const writer = (over && CacheFileWriter.over(location, over.file, over.kept)) ?? CacheFileWriter.open(location);
  if (!writer) return false;
  for (const [name, value] of Object.entries(sections)) {
    if (writer.holds(name)) continue;
    if (value instanceof WrittenSection) writer.copy(name, value);
    else if (value instanceof AsciiJson) writer.section(name, value.json, true);
    else writer.section(name, asciiJson(value), true);
  }
  return writer.finish(header);
}

/**
 * The file that sections copied from come from, and their names, when they all come from one
 * under the names they have there and fill at least half of it: the file written starts as a
 * copy of it, made by the system, and its sections not copied stay in it unread. A file written
 * forward again and again is written whole once they fill more than half of it.
 */
function fileToKeep(sections: Record<string, unknown>): { file: OpenedFile; kept: string[] } | undefined {
  const copied = Object.entries(sections).filter((entry): entry is [string, WrittenSection] => entry[1] instanceof WrittenSection);
  const file = copied[0]?.[1].file;
  if (!file || copied.some(([name, section]) => section.file !== file || section.name !== name)) return undefined;
  const keptBytes = copied.reduce((sum, [, { range }]) => sum + range[1] - range[0], 0);
  return keptBytes * 2 >= file.headerStart ? { file, kept: copied.map(([name]) => name) } : undefined;
}

/** What a section copied needs of the file it lies in. */
interface OpenedFile {
  location: string;
  /** Where the header starts: the sections lie before. */
  headerStart: number;
  /** The file's last line, which holds the header's hash: another file at its place ends otherwise. */
  lastLine: Buffer;
  sections: Record<string, SectionRange>;
  read(start: number, length: number): Buffer;
  /** Removes the file, and throws DamagedCacheError. */
  damaged(error: unknown): never;
}

/**
 * The file's header, its sections read when asked for; undefined when it is missing, not a
 * regular file, cut short, or its header is damaged. The file stays open for its sections: a
 * newer file written meanwhile replaces it under its name, never under this descriptor.
 */
export function readCacheFile<H>(location: string): CacheFile<H> | undefined {
  let fd: number;
  try {
    fd = openRegularFile(location);
  } catch {
    return undefined;
  }
  const read = (start: number, length: number): Buffer => {
    const buffer = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const count = readSync(fd, buffer, done, length - done, start + done);
      if (count === 0) throw new Error('the file is shorter than its header says');
      done += count;
    }
    return buffer;
  };
  try {
    const size = fstatSync(fd).size;
    const tailBytes = read(Math.max(0, size - MAX_LAST_LINE), Math.min(size, MAX_LAST_LINE));
    const tail = tailBytes.toString('latin1');
    const lines = tail.split('\n');
    const [offsetText, lengthText, hash] = (lines.at(-2) ?? '').split(' ');
    const [headerStart, headerLength] = [Number(offsetText), Number(lengthText)];
    if (!Number.isSafeInteger(headerStart) || !Number.isSafeInteger(headerLength) || headerStart + headerLength > size) throw new Error('no header');
    const headerBytes = read(headerStart, headerLength);
    if (sha1(headerBytes) !== hash) throw new Error('the header does not match its hash');
    const header = JSON.parse(headerBytes.toString('latin1')) as H & StoredHeader;
    if (typeof header !== 'object' || header === null || typeof header.sections !== 'object') throw new Error('no sections');
    if (Object.values(header.sections).some(([, end]) => end > headerStart)) throw new Error('cut short');
    // Found only once the answer is under way: the file goes, and the answer comes from the files.
    const damaged = (error: unknown): never => {
      removeIfStill(location, fd);
      throw new DamagedCacheError(`the cache file ${location} is damaged (${errorMessage(error)})`, { cause: error });
    };
    const sectionText = (name: string): string | undefined => {
      const range = header.sections[name];
      if (!range) return undefined;
      try {
        const bytes = read(range[0], range[1] - range[0]);
        if (sha1(bytes) !== range[2]) throw new Error('a section does not match its hash');
        return bytes.toString(range[3] === 1 ? 'latin1' : 'utf8');
      } catch (error) {
        return damaged(error);
      }
    };
    const lastLineStart = tail.lastIndexOf('\n', tail.length - 2) + 1;
    const opened: OpenedFile = {
      location,
      headerStart,
      lastLine: tailBytes.subarray(lastLineStart),
      sections: header.sections,
      read: (start, length) => {
        try {
          return read(start, length);
        } catch (error) {
          return damaged(error);
        }
      },
      damaged,
    };
    return {
      header,
      id: hash!,
      section<T>(name: string) {
        const text = sectionText(name);
        return text === undefined ? undefined : (JSON.parse(text) as T);
      },
      sectionAsWritten(name) {
        const range = header.sections[name];
        return range?.[3] === 1 ? new WrittenSection(opened, name, range) : undefined;
      },
      sectionHash: (name) => header.sections[name]?.[2],
      rewrite(newHeader) {
        try {
          const headerJson = asciiJson({ ...newHeader, sections: header.sections });
          const last = `\n${headerStart} ${headerJson.length} ${sha1(headerJson)}\n`;
          writeFileAtomic(location, [read(0, headerStart), Buffer.from(headerJson + last, 'latin1')], { durable: false });
        } catch {
          // A read-only or full disk: the file stays as it was.
        }
      },
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** An ASCII section as a cache file holds it, to be copied into another: its bytes are read only when they must be. */
export class WrittenSection {
  constructor(
    readonly file: OpenedFile,
    readonly name: string,
    readonly range: SectionRange,
  ) {}

  get hash(): string {
    return this.range[2];
  }

  /** Its bytes as written, not checked against its hash. */
  get bytes(): Buffer {
    return this.file.read(this.range[0], this.range[1] - this.range[0]);
  }

  /** Its JSON, to read a little of it: checked against its hash, as a section read is. */
  get json(): string {
    const bytes = this.bytes;
    if (sha1(bytes) !== this.hash) this.file.damaged(new Error(`section ${this.name} does not match its hash`));
    return bytes.toString('latin1');
  }
}

/** JSON made ASCII-only already (asciiJson), to be written as a section as it is. */
export class AsciiJson {
  constructor(readonly json: string) {}
}

/** JSON with every character beyond ASCII escaped (JSON takes a \uXXXX escape for any character of a string): one byte a character. */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** Removes the file at `location` if it is still the one open as `fd` (not a newer one renamed there since). */
function removeIfStill(location: string, fd: number): void {
  try {
    if (statSync(location).ino === fstatSync(fd).ino) rmSync(location, { force: true });
  } catch {
    // Gone already, or not ours to remove.
  }
}

function sha1(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}
