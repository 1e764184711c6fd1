// A worker thread's share of a cold load (parallel-read.ts): it takes files one at a time from
// the counter it shares with the main thread, parses and checks each, and sends back what it
// read as the parse cache stores it, by index, in batches as it goes. Asked to, it then writes
// the parse cache's pack of every file, and ends.
import { parentPort } from 'node:worker_threads';
import type { FileToRead, PackRequest, WorkerBatch, WorkerRead, WorkerTask } from './parallel-read.js';
import { entryKey, entryOfFile, writePack, type CacheEntry } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';

/** Files per message: large enough that messages cost little, small enough that the last one comes soon after the last file. */
const BATCH_SIZE = 200;

parentPort?.on('message', (task: WorkerTask) => {
  const { paths, next, pack } = task;
  const fileBytes = (index: number) => new Uint8Array(task.bytes, task.offsets[index]!, task.offsets[index + 1]! - task.offsets[index]!);
  /** What this thread read, by index: kept for the pack. */
  const mine: Array<CacheEntry | undefined> = [];
  let read: WorkerRead = [];
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    const entry = entryOfFile(readSourceFile(paths[index]!, fileBytes(index)));
    if (pack) mine[index] = entry;
    read.push([index, entry]);
    if (read.length === BATCH_SIZE) {
      parentPort!.postMessage({ json: JSON.stringify(read), done: false } satisfies WorkerBatch);
      read = [];
    }
  }
  parentPort!.postMessage({ json: JSON.stringify(read), done: true } satisfies WorkerBatch);
  if (pack) writeEveryFile(pack, paths.map((path, index) => ({ path, bytes: fileBytes(index), entry: mine[index] })));
  // Nothing more to do: the thread ends, and with it the main thread's wait (ParseWorker.finished).
  parentPort!.close();
});

/** The pack of every file: the entries of the files the main thread took are read again here. */
function writeEveryFile(pack: PackRequest, files: ReadonlyArray<FileToRead & { entry?: CacheEntry | undefined }>): void {
  const entries = new Map<string, CacheEntry>();
  for (const { path, bytes, entry } of [...pack.alsoInPack, ...files] as typeof files) {
    entries.set(entryKey(pack.version, path, bytes), entry ?? entryOfFile(readSourceFile(path, bytes)));
  }
  writePack(pack, entries);
}
