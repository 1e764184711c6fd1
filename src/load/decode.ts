// Bytes -> text. A backlog file must be UTF-8 text; anything else is one YAML_SYNTAX problem
// placed at the first offending byte, never an exception.
import { Buffer, isUtf8 } from 'node:buffer';
import type { FileProblem } from './types.js';

export interface DecodedText {
  text: string;
  problem?: FileProblem;
}

const lossy = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      text: '',
      problem: { code: 'YAML_SYNTAX', message: 'the file is UTF-16 text; backlog files must be UTF-8', range: [0, 0] },
    };
  }
  // Through a Buffer: it searches with memchr, where a Uint8Array looks at each byte in turn.
  const nul = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0);
  if (nul !== -1) return unreadable(bytes, nul, 'the file is binary, not text (a NUL byte)');
  if (!isUtf8(bytes)) {
    return unreadable(bytes, firstInvalidUtf8Byte(bytes), 'the file is not valid UTF-8 text (an invalid byte sequence)');
  }
  return { text: normalize(lossy.decode(bytes)) };
}

function unreadable(bytes: Uint8Array, byteOffset: number, message: string): DecodedText {
  // Keep the readable part so the code frame can show where the file goes wrong.
  const text = lossy.decode(bytes.subarray(0, byteOffset));
  return { text, problem: { code: 'YAML_SYNTAX', message, range: [text.length, text.length] } };
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    const b1 = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * TextDecoder drops a leading byte-order mark; exports pasted together leave more at the start
 * of lines, which YAML allows before a document. Old Mac files break lines with CR alone.
 */
function normalize(text: string): string {
  let result = text.includes('\uFEFF') ? text.replace(/(^|\n)\uFEFF+/g, '$1') : text;
  if (result.includes('\r')) result = result.replace(/\r(?!\n)/g, '\n');
  return result;
}
