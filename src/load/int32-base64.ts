// Columns of whole numbers in a cache section as base64 text: read back as a typed array,
// without parsing one number at a time.

export function int32Base64(values: readonly number[]): string {
  return Buffer.from(new Int32Array(values).buffer).toString('base64');
}

export function fromInt32Base64(text: string): Int32Array {
  const bytes = Buffer.from(text, 'base64');
  // A small buffer may sit at any offset of Node's shared pool: a typed array needs one of 4.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
}
