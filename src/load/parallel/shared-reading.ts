// Reading many files on both cores: a cold load of a large backlog is mostly parsing and
// checking, file by file, so a worker thread reads files beside this one. The worker exists
// only in the built package (dist/); from the sources (the tests), and for a backlog too small
// to repay starting a thread, everything is read here. Private to load/ (read-files.ts).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { entryOfFile, fileOfEntry, type CacheEntry, type PackTarget } from '../parse-cache.js';
import { readSourceFile } from '../read-source-file.js';
import type { SourceFile } from '../types.js';

export interface FileToRead {
  path: string;
  bytes: Uint8Array;
}

/** A file read, and its cache entry when a worker read it (saves encoding it again). */
export interface ReadFile {
  file: SourceFile;
  entry?: CacheEntry;
}

/**
 * What the worker is sent: the files' paths, their bytes in memory both threads see (filled as
 * they are read: the worker takes each as soon as it is in), and the counter both threads take
 * files from.
 */
export interface WorkerTask {
  paths: string[];
  /** File i's bytes run from offsets[i] to offsets[i + 1] of `bytes` (which grows as files come). */
  offsets: Float64Array;
  bytes: SharedArrayBuffer;
  /** Per file: whether its bytes are in `bytes` (IN_SHARED_MEMORY), or not for the worker (nothing to read, or past the most the buffer holds). */
  kinds: Int8Array;
  /** How many files are put so far (each with its bytes in `bytes`, or not for the worker): the worker waits on it for a file to come. */
  ready: Int32Array;
  next: Int32Array;
  /** Set: once done sending, the worker writes the parse cache's pack of these files and `alsoInPack`. */
  pack?: PackRequest;
}

/** A file whose bytes are in the shared buffer (WorkerTask.kinds). */
export const IN_SHARED_MEMORY = 1;

/**
 * A pack for the worker to write: of every file of a load with nothing cached (ParseCache.packTarget).
 * This thread sends it the entries of the files it read (sendPackEntries, in batches as it reads
 * them) and goes on to the model and the rules: writing the pack is then off this thread's path.
 */
export interface PackRequest extends PackTarget {
  /** Files read before the others (the root file), which the pack holds too. */
  alsoInPack: FileToRead[];
}

/** The files read, in order (undefined: one with nothing to read); `packWritten` when the worker took on writing the pack, settled once it is written or given up. */
export interface FilesRead {
  read: Array<ReadFile | undefined>;
  packWritten?: Promise<void>;
}

/**
 * What the worker sends back: a batch of the files it read, by index, each as the parse cache
 * stores it, in JSON (cache entries are JSON by construction; JSON.parse makes these many small
 * objects sooner than a structured clone does, and the worker writes the text to the pack);
 * `done` with the last. When the worker writes the pack, the main thread sends it batches of
 * the files it read itself, the last `done` (sendPackEntries).
 */
export interface WorkerBatch {
  indexes: number[];
  entries: string[];
  done: boolean;
}

/** Below this many bytes a thread costs more to start (about 0.1 s) than it saves. */
const DEFAULT_MIN_BYTES = 4 * 1024 * 1024;

/** Entries per batch this thread sends the worker for the pack. */
const PACK_BATCH_SIZE = 200;

/** How long this thread reads before taking in what the worker sent meanwhile. */
const PAUSE_EVERY_MS = 25;

/** The most bytes the shared buffer holds (reserved, not allocated): the rest of a larger backlog is read by this thread alone. */
const MAX_SHARED_BYTES = 2 ** 31;

/** The least the shared buffer grows by: it is grown seldom. */
const MIN_GROWTH = 8 * 1024 * 1024;

/**
 * A worker thread started before the files are read (a cold load of many files will want it):
 * it loads its code while this thread reads the files. It holds the process open only while
 * it works.
 */
export class ParseWorker {
  /** Why the thread ended before it was asked for anything (it could not start, say). */
  private ended: Error | undefined;

  /** Settles when the thread has ended, however it ended. */
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.once('exit', (code) => (this.ended ??= new Error(`the parse worker stopped (${code})`)));
  }

  /** A worker, if this machine and the build have what one needs; none when `threads` is 1. */
  static start(threads?: Threads): ParseWorker | undefined {
    const script = threads === 1 || (availableParallelism() < 2 && threads === undefined) ? undefined : workerScript();
    if (!script) return undefined;
    const worker = new Worker(script);
    worker.unref();
    // An error before any work is asked for is told when work is (read() rejects).
    worker.on('error', () => undefined);
    return new ParseWorker(worker);
  }

  /**
   * Gives what the worker read, batch by batch, to `onRead`; settles when it has sent its last
   * batch. With `task.pack`, the thread goes on to write the pack, and ends when it has
   * (`finished`); without, it is stopped then.
   */
  read(task: WorkerTask, onRead: (index: number, entry: CacheEntry) => void): Promise<void> {
    const worker = this.worker;
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      worker.ref();
      worker.on('message', ({ indexes, entries, done }: WorkerBatch) => {
        try {
          indexes.forEach((index, at) => onRead(index, JSON.parse(entries[at]!) as CacheEntry));
        } catch (error) {
          reject(error);
        }
        if (done) {
          resolve();
          if (!task.pack) this.stop();
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the parse worker stopped (${code})`)));
      worker.postMessage(task);
    });
  }

  /** The entries of the files this thread read, for the pack the worker writes (it waits for them). */
  sendPackEntries(batch: WorkerBatch): void {
    this.worker.postMessage(batch);
  }

  /** Settles when the thread has ended: once it has written the pack it was asked for, or failed to. */
  finished(): Promise<void> {
    return this.exited;
  }

  stop(): void {
    void this.worker.terminate();
  }
}

/**
 * How many threads parse: 1 reads every file here, 2 has a worker read beside this thread
 * however few files there are; undefined (the default) starts a worker when it repays its start.
 */
export type Threads = 1 | 2 | undefined;

/**
 * The files read, in order, with the worker when they are many (`worker`: one started early,
 * stopped here when not needed); `pack`: a pack the worker is to write, if it reads.
 */
export async function readFiles(files: readonly FileToRead[], threads: Threads, worker?: ParseWorker, pack?: PackRequest): Promise<FilesRead> {
  const total = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  const worth = threads === 2 || (threads === undefined && files.length > 1 && total >= DEFAULT_MIN_BYTES);
  if (!worth) worker?.stop();
  const helper = worth ? (worker ?? ParseWorker.start(threads)) : undefined;
  const reading = helper && SharedReading.start(helper, files.map(({ path }) => path), pack);
  if (!reading) return { read: files.map(({ path, bytes }) => ({ file: readSourceFile(path, bytes) })) };
  files.forEach(({ bytes }, index) => reading.put(index, bytes));
  return reading.finish();
}

/**
 * Files read on both threads, handed to the worker one by one as this thread reads them (a cold
 * load starts the worker before it reads its files, and the worker takes each as soon as it is
 * in). Both then take the next file from a shared counter until none is left: the work splits
 * evenly whatever the files' sizes and however long the worker takes to start.
 */
export class SharedReading {
  private readonly task: WorkerTask;
  /** Each file's bytes as this thread has them (undefined: nothing to read). */
  private readonly bytes: Array<Uint8Array | undefined>;
  private readonly read: Array<ReadFile | undefined>;
  private readonly pending: Promise<void>;
  private puts = 0;

  /**
   * `paths`: every file that may come, in order; each is then put, with its bytes or with none.
   * Undefined (and the worker stopped) when the memory to share cannot be had.
   */
  static start(worker: ParseWorker, paths: string[], pack: PackRequest | undefined): SharedReading | undefined {
    try {
      return new SharedReading(worker, paths, pack);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      worker.stop();
      return undefined;
    }
  }

  private constructor(
    private readonly worker: ParseWorker,
    private readonly paths: string[],
    private readonly pack: PackRequest | undefined,
  ) {
    const count = paths.length;
    this.task = {
      paths,
      offsets: new Float64Array(new SharedArrayBuffer(8 * (count + 1))),
      bytes: new SharedArrayBuffer(0, { maxByteLength: MAX_SHARED_BYTES }),
      kinds: new Int8Array(new SharedArrayBuffer(count)),
      ready: new Int32Array(new SharedArrayBuffer(4)),
      next: new Int32Array(new SharedArrayBuffer(4)),
      ...(pack ? { pack } : {}),
    };
    this.bytes = new Array(count);
    this.read = new Array(count);
    this.pending = worker.read(this.task, (index, entry) => {
      const path = paths[index]!;
      // The entry is kept for this thread's cache only when the worker does not write the pack.
      this.read[index] = { file: fileOfEntry(entry, path, this.bytes[index]!), ...(pack ? {} : { entry }) };
    });
    // Handled now, so that a worker that fails while this thread is busy is no unhandled rejection.
    this.pending.catch(() => undefined);
  }

  /**
   * Room in the shared buffer for the next file's `size` bytes, to read them straight into (then
   * put that part): a copy saved, and the memory of one. Undefined past the most it holds. The
   * room is the next file's only: what is in it is overwritten by the next unless put.
   */
  roomFor(index: number, size: number): Uint8Array | undefined {
    if (index !== this.puts) throw new Error(`room asked for file ${index} out of order`);
    const start = this.task.offsets[index]!;
    return this.reserve(start + size) ? new Uint8Array(this.task.bytes, start, size) : undefined;
  }

  /** The next file's bytes (files come in order); undefined when it has none to read (read already, or gone). */
  put(index: number, bytes: Uint8Array | undefined): void {
    if (index !== this.puts) throw new Error(`file ${index} put out of order`);
    this.puts++;
    this.bytes[index] = bytes;
    const { offsets, kinds, ready, bytes: shared } = this.task;
    const start = offsets[index]!;
    const end = start + (bytes?.byteLength ?? 0);
    // Past the most the buffer holds, a file is this thread's alone to read (it has the bytes).
    if (bytes && this.reserve(end)) {
      // Read into its room (roomFor), it is in place already.
      if (bytes.buffer !== shared || bytes.byteOffset !== start) new Uint8Array(shared, start, bytes.byteLength).set(bytes);
      offsets[index + 1] = end;
      kinds[index] = IN_SHARED_MEMORY;
    } else {
      offsets[index + 1] = start;
    }
    Atomics.store(ready, 0, index + 1);
    Atomics.notify(ready, 0);
  }

  /** Whether the shared buffer holds `end` bytes, grown if need be; false past the most it can. */
  private reserve(end: number): boolean {
    const shared = this.task.bytes;
    if (end > shared.maxByteLength) return false;
    if (end > shared.byteLength) shared.grow(Math.min(shared.maxByteLength, Math.max(end, 2 * shared.byteLength, MIN_GROWTH)));
    return true;
  }

  /** A file read so far (by either thread); undefined until it is. */
  fileAt(index: number): SourceFile | undefined {
    return this.read[index]?.file;
  }

  /** Once every file is put: every file read, in order (undefined for those with none to read). */
  async finish(): Promise<FilesRead> {
    const reading = this.readInOrder();
    let step = await reading.next();
    while (!step.done) step = await reading.next();
    return step.value;
  }

  /**
   * Once every file is put: reads beside the worker until none is left, giving way after each
   * file this thread reads (what the worker sent is taken in every PAUSE_EVERY_MS; fileAt tells
   * what is read); returns every file read, in order (undefined for those with none to read).
   */
  async *readInOrder(): AsyncGenerator<void, FilesRead> {
    const { task, worker, paths } = this;
    if (this.puts !== paths.length) throw new Error(`${paths.length - this.puts} files never put`);
    const readHere = (index: number) => {
      const bytes = this.bytes[index];
      if (bytes) this.read[index] = { file: readSourceFile(paths[index]!, bytes) };
    };
    // For the pack the worker writes: the entry of each file read here that is in it (those in
    // shared memory), sent in batches as they come (kept here, they would be for this thread's
    // garbage collector to copy), the last one `done`.
    let packed: WorkerBatch = { indexes: [], entries: [], done: false };
    const sendPacked = (done: boolean) => {
      worker.sendPackEntries({ ...packed, done });
      packed = { indexes: [], entries: [], done: false };
    };
    const keepForPack = (index: number) => {
      const read = this.read[index];
      if (this.pack && read && task.kinds[index] === IN_SHARED_MEMORY) {
        packed.indexes.push(index);
        packed.entries.push(JSON.stringify(entryOfFile(read.file)));
        if (packed.indexes.length === PACK_BATCH_SIZE) sendPacked(false);
      }
    };
    // The worker sends what it read in batches; this thread stops now and then to take them in,
    // so that they are not all copied across at the end while the other thread waits.
    let lastPause = performance.now();
    try {
      for (let index = Atomics.add(task.next, 0, 1); index < paths.length; index = Atomics.add(task.next, 0, 1)) {
        readHere(index);
        keepForPack(index);
        if (performance.now() - lastPause > PAUSE_EVERY_MS) {
          await new Promise(setImmediate);
          lastPause = performance.now();
        }
        yield;
      }
    } catch (error) {
      worker.stop();
      throw error;
    }
    if (this.pack) sendPacked(true);
    let packWritten: Promise<void> | undefined;
    try {
      await this.pending;
      if (this.pack) packWritten = worker.finished();
    } catch {
      // The worker could not finish (no thread to be had, or it failed midway): this thread
      // reads what it left, including the files it took and never sent back; the pack is its own.
      worker.stop();
    }
    // Files the worker was not given (past the most the buffer holds), or took and never sent back.
    for (let index = 0; index < paths.length; index++) if (!this.read[index]) readHere(index);
    return { read: this.read, ...(packWritten ? { packWritten } : {}) };
  }
}

/** The worker's script in the built package (dist/load/parse-worker.js), from the chunk or entry this code is in. */
function workerScript(): URL | undefined {
  for (const relative of ['../load/parse-worker.js', './load/parse-worker.js']) {
    const url = new URL(relative, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}
