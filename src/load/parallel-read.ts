// Reading many files on both cores: a cold load of a large backlog is mostly parsing and
// checking, file by file, so a worker thread takes about half of the bytes while this thread
// does the rest. The worker exists only in the built package (dist/); from the sources (the
// tests), and for a backlog too small to repay starting a thread, everything is read here.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeText } from './decode.js';
import { fileOfEntry, type CacheEntry } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';
import type { SourceFile } from './types.js';

export interface FileToRead {
  path: string;
  bytes: Uint8Array;
}

/** A file read, and its cache entry when a worker read it (saves encoding it again). */
export interface ReadFile {
  file: SourceFile;
  entry?: CacheEntry;
}

/** Below this many bytes a thread costs more to start (about 0.1 s) than it saves. */
const DEFAULT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The files read, in order. BACKLOG_PARSE_WORKER_MIN_BYTES sets the least total shared with a
 * worker: the tests set it to 0 to run the worker on small backlogs.
 */
export async function readFiles(files: readonly FileToRead[]): Promise<ReadFile[]> {
  const minBytes = Number(process.env.BACKLOG_PARSE_WORKER_MIN_BYTES ?? DEFAULT_MIN_BYTES);
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const worker = files.length > 1 && total >= minBytes && availableParallelism() > 1 ? workerScript() : undefined;
  if (!worker) return files.map(readHere);

  // The worker takes the files after the middle byte; this thread starts at once on the rest.
  let split = 0;
  for (let bytes = 0; split < files.length && bytes < total / 2; split++) bytes += files[split]!.bytes.byteLength;
  const theirs = files.slice(split);
  const pending = inWorker(worker, theirs);
  // Handled now, so that a worker that fails while this thread is busy is no unhandled rejection.
  pending.catch(() => undefined);
  const mine = files.slice(0, split).map(readHere);
  let entries: CacheEntry[];
  try {
    entries = await pending;
  } catch {
    // The worker could not do its share (no thread to be had): this thread does it.
    return [...mine, ...theirs.map(readHere)];
  }
  return [...mine, ...theirs.map(({ path, bytes }, index) => ({ file: fileOfEntry(entries[index]!, path, decodeText(bytes).text), entry: entries[index]! }))];
}

function readHere({ path, bytes }: FileToRead): ReadFile {
  return { file: readSourceFile(path, bytes) };
}

/** The worker's script in the built package, next to the chunk or entry this code is in. */
function workerScript(): URL | undefined {
  for (const relative of ['../load/parse-worker.js', './load/parse-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

function inWorker(script: URL, files: readonly FileToRead[]): Promise<CacheEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.once('message', (entries: CacheEntry[]) => {
      resolve(entries);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the parse worker stopped (${code})`)));
    worker.postMessage(files);
  });
}

