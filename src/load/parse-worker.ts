// A worker thread's share of a cold load (parallel-read.ts): it takes files one at a time from
// the counter it shares with the main thread, parses and checks each, and sends back what it
// read as the parse cache stores it, by index, in batches as it goes. Asked to, it then writes
// the parse cache's pack of every file, with the entries of the files the main thread read
// (sent once it is done), and ends.
import { parentPort } from 'node:worker_threads';
import { IN_SHARED_MEMORY, type FileToRead, type PackRequest, type WorkerBatch, type WorkerTask } from './parallel-read.js';
import { entryKey, entryOfFile, writePack } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';

/** Files per message: large enough that messages cost little, small enough that the last one comes soon after the last file. */
const BATCH_SIZE = 200;

parentPort?.once('message', (task: WorkerTask) => {
  const { paths, next, pack } = task;
  const fileBytes = (index: number) => new Uint8Array(task.bytes, task.offsets[index]!, task.offsets[index + 1]! - task.offsets[index]!);
  /** Whether file `index` is to be read here, once it is put: the main thread may still be reading files. */
  const isShared = (index: number) => {
    // Every file is put before the main thread reads any itself. The wait is timed: a notify
    // between the load and the wait would otherwise be missed.
    for (let ready = Atomics.load(task.ready, 0); index >= ready; ready = Atomics.load(task.ready, 0)) Atomics.wait(task.ready, 0, ready, 20);
    return task.kinds[index] === IN_SHARED_MEMORY;
  };
  /** The JSON of each file read, by index: sent, and kept for the pack (as text, which costs the garbage collector little to keep). */
  const entries: Array<string | undefined> = [];
  let batch: WorkerBatch = { indexes: [], entries: [], done: false };
  const send = (done: boolean) => {
    parentPort!.postMessage({ ...batch, done } satisfies WorkerBatch);
    batch = { indexes: [], entries: [], done: false };
  };
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    // Not in shared memory: the main thread reads it (it has the bytes).
    if (!isShared(index)) continue;
    const json = JSON.stringify(entryOfFile(readSourceFile(paths[index]!, fileBytes(index))));
    if (pack) entries[index] = json;
    batch.indexes.push(index);
    batch.entries.push(json);
    if (batch.indexes.length === BATCH_SIZE) send(false);
  }
  send(true);
  if (!pack) {
    parentPort!.close();
    return;
  }
  // The main thread sends the entries of the files it read once it is done reading: neither made
  // again here, nor written before the pack can have them all.
  parentPort!.once('message', (fromMain: WorkerBatch) => {
    fromMain.indexes.forEach((index, at) => (entries[index] = fromMain.entries[at]));
    writeEveryFile(pack, paths.flatMap((path, index) => (task.kinds[index] === IN_SHARED_MEMORY ? [{ path, bytes: fileBytes(index), json: entries[index] }] : [])));
    // Nothing more to do: the thread ends, and with it the main thread's wait (ParseWorker.finished).
    parentPort!.close();
  });
});

/** The pack of every file (one entry per content): a file without its entry (the root file, read before the others) is read again here. */
function writeEveryFile(pack: PackRequest, files: ReadonlyArray<FileToRead & { json?: string | undefined }>): void {
  const entries = new Map<string, string>();
  for (const { path, bytes, json } of [...pack.alsoInPack, ...files] as typeof files) {
    entries.set(entryKey(pack.version, path, bytes), json ?? JSON.stringify(entryOfFile(readSourceFile(path, bytes))));
  }
  writePack(pack, entries);
}
