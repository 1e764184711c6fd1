// Reading many files on both cores: a cold load of a large backlog is mostly parsing and
// checking, file by file, so a worker thread reads files beside this one. The worker exists only in the built package (dist/); from the sources (the
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
/** What the worker sends: files it read, by index in the list, as the parse cache stores them; `done` with the last. */
export interface WorkerBatch {
  read: Array<[index: number, entry: CacheEntry]>;
  done: boolean;
}

export interface ReadFile {
  file: SourceFile;
  entry?: CacheEntry;
}

/** Below this many bytes a thread costs more to start (about 0.1 s) than it saves. */
const DEFAULT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The files read, in order. For the tests, BACKLOG_PARSE_WORKER=never reads everything here,
 * =always has the worker read every file, however few, and =shared has both threads read
 * however few files there are.
 */
export async function readFiles(files: readonly FileToRead[]): Promise<ReadFile[]> {
  const mode = process.env.BACKLOG_PARSE_WORKER;
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const worth = mode === 'always' || mode === 'shared' || (mode !== 'never' && files.length > 1 && total >= DEFAULT_MIN_BYTES && availableParallelism() > 1);
  const worker = worth ? workerScript() : undefined;
  if (!worker) return files.map(readHere);

  // Both threads take the next file from a shared counter until none is left: the work splits
  // evenly whatever the files' sizes and however long the worker takes to start.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const read: Array<ReadFile | undefined> = new Array(files.length);
  const fromWorker = (index: number, entry: CacheEntry) => {
    const { path, bytes } = files[index]!;
    read[index] = { file: fileOfEntry(entry, path, decodeText(bytes).text), entry };
  };
  const pending = inWorker(worker, files, next, fromWorker);
  // Handled now, so that a worker that fails while this thread is busy is no unhandled rejection.
  pending.catch(() => undefined);
  if (mode !== 'always') {
    // The worker sends what it read in batches; this thread stops now and then to take them in,
    // so that they are not all copied across at the end while the other thread waits.
    let lastPause = performance.now();
    for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
      read[index] = readHere(files[index]!);
      if (performance.now() - lastPause > PAUSE_EVERY_MS) {
        await new Promise(setImmediate);
        lastPause = performance.now();
      }
    }
  }
  try {
    await pending;
  } catch {
    // The worker could not finish (no thread to be had): this thread reads what it left.
  }
  return read.map((file, index) => file ?? readHere(files[index]!));
}

/** How long this thread reads before taking in what the worker sent meanwhile. */
const PAUSE_EVERY_MS = 25;

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

/** Gives what the worker read, batch by batch, to `onRead`; settles when it has sent the last batch. */
function inWorker(script: URL, files: readonly FileToRead[], next: Int32Array, onRead: (index: number, entry: CacheEntry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    worker.on('message', ({ read, done }: WorkerBatch) => {
      try {
        for (const [index, entry] of read) onRead(index, entry);
      } catch (error) {
        reject(error);
      }
      if (done) {
        resolve();
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the parse worker stopped (${code})`)));
    worker.postMessage({ files, next });
  });
}
