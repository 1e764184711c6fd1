// A cache file in sections: a JSON header, then JSON sections, each read from the file only
// when asked for (a query reads the workloads, not the 50,000 servers beside them). The first
// line is the header's length in bytes and its hash; the header says where each section lies
// and gives a hash of it, checked when it is read, so that two files can also be found to
// share a section without reading either.
// Everything is written as ASCII (JSON escapes the rest), which reads back fastest.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodedInChunks, writeFileAtomic } from '../files/atomic-write.js';
import { DamagedCacheError, errorMessage } from '../errors.js';
import { makeFolder } from '../files/make-folder.js';
import { openRegularFile } from '../files/regular-file.js';

export interface SectionedFile<H> {
  header: H;
  /** A section parsed; undefined when the file has no such section. */
  section<T>(name: string): T | undefined;
  /** A hash of a section's content: equal in two files when the sections are. */
  sectionHash(name: string): string | undefined;
  /** Writes the file again with another header and the same sections. */
  rewrite(header: object): void;
}

interface Stored {
  /** Byte ranges of the sections after the header, and their hashes. */
  sections: Record<string, [start: number, end: number, hash: string]>;
}

/** The longest first line accepted: the header's length in decimal, a space, its hash. */
const MAX_FIRST_LINE = 64;

/** A section as it is written (ASCII JSON), and its hash. */
export class EncodedSection {
  private constructor(
    readonly text: string,
    readonly hash: string,
  ) {}

  static of(value: unknown): EncodedSection {
    return EncodedSection.ofAsciiJson(asciiJson(value));
  }

  /**
   * A section from JSON the caller put together from asciiJson's pieces: ASCII only, which is
   * not checked again (it would cost a scan of the whole text; a stray character would make
   * the section fail its hash when read, never give a wrong value).
   */
  static ofAsciiJson(json: string): EncodedSection {
    return new EncodedSection(json, sha1(json));
  }
}

/**
 * Writes header and sections at once (atomically); a cache that cannot be written is skipped.
 * A section is any JSON value, or one encoded already.
 */
export function writeSectionedFile(location: string, header: object, sections: Record<string, unknown>): void {
  const ranges: Stored['sections'] = {};
  const texts: string[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    const { text, hash } = value instanceof EncodedSection ? value : EncodedSection.of(value);
    ranges[name] = [offset, offset + text.length, hash];
    texts.push(text);
    offset += text.length;
  }
  const headerText = asciiJson({ ...header, sections: ranges });
  try {
    makeFolder(dirname(location));
    // ASCII throughout: written as latin1, the cheapest encoding of a string, with the same
    // bytes; in chunks (a snapshot at L is 28 MB).
    writeFileAtomic(location, encodedInChunks([firstLine(headerText), headerText, ...texts], 'latin1'), { durable: false });
  } catch {
    // A read-only or full disk: the next run works it out again.
  }
}

/**
 * The file's header, its sections read on demand; undefined when missing or unreadable. The
 * file stays open for the sections: a newer file written meanwhile replaces it under its
 * name, never under this descriptor.
 */
export function readSectionedFile<H>(location: string): SectionedFile<H> | undefined {
  let fd: number;
  try {
    fd = openRegularFile(location);
  } catch {
    return undefined;
  }
  const read = (start: number, length: number): Buffer => {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const count = readSync(fd, buffer, done, length - done, start + done);
      if (count === 0) throw new Error('the file is shorter than its header says');
      done += count;
    }
    return buffer;
  };
  try {
    const size = fstatSync(fd).size;
    const first = read(0, Math.min(MAX_FIRST_LINE, size)).toString('latin1');
    const newline = first.indexOf('\n');
    const [lengthText, hash] = first.slice(0, Math.max(newline, 0)).split(' ');
    const length = Number(lengthText);
    if (newline <= 0 || !Number.isSafeInteger(length) || length < 0 || newline + 1 + length > size) throw new Error('no header');
    const body = newline + 1 + length;
    const headerBytes = read(newline + 1, length);
    if (sha1(headerBytes) !== hash) throw new Error('the header does not match its hash');
    const header = JSON.parse(headerBytes.toString('latin1')) as H & Stored;
    if (typeof header !== 'object' || header === null || typeof header.sections !== 'object') throw new Error('no sections');
    // A file cut short (a full disk) is no snapshot at all.
    if (Object.values(header.sections).some((range) => body + range[1] > size)) throw new Error('cut short');
    return {
      header,
      section<T>(name: string) {
        const range = header.sections[name];
        if (!range) return undefined;
        try {
          const bytes = read(body + range[0], range[1] - range[0]);
          if (sha1(bytes) !== range[2]) throw new Error('a section does not match its hash');
          return JSON.parse(bytes.toString('latin1')) as T;
        } catch (error) {
          // Found only once the answer is under way: the file goes, and the next run rebuilds it.
          removeIfStill(location, fd);
          throw new DamagedCacheError(`the cache file ${location} is damaged (${errorMessage(error)})`, { cause: error });
        }
      },
      sectionHash: (name) => header.sections[name]?.[2],
      rewrite(newHeader) {
        try {
          // The sections' bytes as they are: neither decoded nor encoded again.
          const sections = read(body, size - body);
          const headerText = asciiJson({ ...newHeader, sections: header.sections });
          writeFileAtomic(location, [Buffer.from(`${firstLine(headerText)}${headerText}`, 'latin1'), sections], { durable: false });
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

function firstLine(headerText: string): string {
  return `${headerText.length} ${sha1(headerText)}\n`;
}

function sha1(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

/** Removes the file at `location` if it is still the one open as `fd` (not a newer one renamed there since). */
function removeIfStill(location: string, fd: number): void {
  try {
    if (statSync(location).ino === fstatSync(fd).ino) rmSync(location, { force: true });
  } catch {
    // Gone already, or not ours to remove: the next run finds it damaged too, and says so.
  }
}

/** JSON with every character beyond ASCII escaped (JSON takes a \uXXXX escape for any character of a string): one byte a character. */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(json) ? json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
