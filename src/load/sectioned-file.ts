// A cache file in sections: a JSON header, then JSON sections, each read from the file only
// when asked for (a query reads the workloads, not the 50,000 servers beside them). The first
// line is the header's length in bytes; the header says where each section lies and gives a
// hash of it, so that two files can be found to share a section without reading either.
// Everything is written as ASCII (JSON escapes the rest), which reads back fastest.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../edit/atomic-write.js';
import { errorMessage, IoError } from '../errors.js';

export interface SectionedFile<H> {
  header: H;
  /** A section parsed; undefined when the file has no such section. */
  section<T>(name: string): T | undefined;
  /** A hash of a section's content: equal in two files when the sections are. */
  sectionHash(name: string): string | undefined;
}

interface Stored {
  /** Byte ranges of the sections after the header, and their hashes. */
  sections: Record<string, [start: number, end: number, hash: string]>;
}

/** The longest header line accepted: the length of a header, in decimal. */
const MAX_LENGTH_DIGITS = 12;

/** Writes header and sections at once (atomically); a cache that cannot be written is skipped. */
export function writeSectionedFile(location: string, header: object, sections: Record<string, unknown>): void {
  const ranges: Stored['sections'] = {};
  const texts: string[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    const text = asciiJson(value);
    ranges[name] = [offset, offset + text.length, createHash('sha1').update(text).digest('hex')];
    texts.push(text);
    offset += text.length;
  }
  const headerText = asciiJson({ ...header, sections: ranges });
  try {
    mkdirSync(dirname(location), { recursive: true });
    writeFileAtomic(location, `${headerText.length}\n${headerText}${texts.join('')}`, { durable: false });
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
    fd = openSync(location, 'r');
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
    const first = read(0, Math.min(MAX_LENGTH_DIGITS + 1, size)).toString('latin1');
    const newline = first.indexOf('\n');
    const length = Number(first.slice(0, newline));
    if (newline <= 0 || !Number.isSafeInteger(length)) throw new Error('no header');
    const body = newline + 1 + length;
    const header = JSON.parse(read(newline + 1, length).toString('latin1')) as H & Stored;
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
          if (createHash('sha1').update(bytes).digest('hex') !== range[2]) throw new Error('a section does not match its hash');
          return JSON.parse(bytes.toString('latin1')) as T;
        } catch (error) {
          // Found only once the answer is under way: the file goes, and the next run rebuilds it.
          rmSync(location, { force: true });
          throw new IoError(`the cache file ${location} was damaged (${errorMessage(error)}); it is removed now: run the command again`, { cause: error });
        }
      },
      sectionHash: (name) => header.sections[name]?.[2],
    };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** JSON with every character beyond ASCII escaped: the same value, one byte a character. */
function asciiJson(value: unknown): string {
  const text = JSON.stringify(value);
  return /[^\x00-\x7f]/.test(text) ? text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}
