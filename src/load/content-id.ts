import { createHash } from 'node:crypto';

/** The id git gives these bytes as a blob: files read from disk and from git compare alike. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
