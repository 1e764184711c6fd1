// A worker thread's share of a cold load (shared-reading.ts): it takes files one at a time from
// the counter it shares with the main thread, parses and checks each, and sends back what it
// read as the parse cache stores it, by index, in batches as it goes. Asked to, it writes the
// parse cache's pack of every file meanwhile: the entries of its own files as it reads them,
// then those the main thread sends of its files (in batches, the last one `done`), and ends.
import { parentPort } from 'node:worker_threads';
import { CacheFileWriter } from '../../cache/cache-file.js';
import { entryKey, entryOfFile, PackWriter } from '../parse-cache.js';
import { readSourceFile } from '../read-source-file.js';
import { IN_SHARED_MEMORY, type WorkerBatch, type WorkerTask } from './shared-reading.js';

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
  const packWriter = pack && PackWriter.open(CacheFileWriter.open(pack.location));
  /** Per file: whether its entry is in the pack. */
  const packed = new Uint8Array(paths.length);
  const addToPack = (index: number, json: string) => {
    packWriter?.add(entryKey(paths[index]!, fileBytes(index)), json);
    packed[index] = 1;
  };
  let batch: WorkerBatch = { indexes: [], entries: [], done: false };
  const send = (done: boolean) => {
    parentPort!.postMessage({ ...batch, done } satisfies WorkerBatch);
    batch = { indexes: [], entries: [], done: false };
  };
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    // Not in shared memory: the main thread reads it (it has the bytes).
    if (!isShared(index)) continue;
    const json = JSON.stringify(entryOfFile(readSourceFile(paths[index]!, fileBytes(index))));
    if (pack) addToPack(index, json);
    batch.indexes.push(index);
    batch.entries.push(json);
    if (batch.indexes.length === BATCH_SIZE) send(false);
  }
  send(true);
  if (!pack) {
    parentPort!.close();
    return;
  }
  // The main thread sends the entries of the files it read as it goes: they wait in the port
  // (not in either thread's heap) until this thread is done with its own.
  parentPort!.on('message', (fromMain: WorkerBatch) => {
    fromMain.indexes.forEach((index, at) => addToPack(index, fromMain.entries[at]!));
    if (!fromMain.done) return;
    // What neither thread sent (the root file, read before the others) is read again here.
    for (const { path, bytes } of pack.alsoInPack) packWriter?.add(entryKey(path, bytes), JSON.stringify(entryOfFile(readSourceFile(path, bytes))));
    paths.forEach((path, index) => {
      if (task.kinds[index] === IN_SHARED_MEMORY && !packed[index]) addToPack(index, JSON.stringify(entryOfFile(readSourceFile(path, fileBytes(index)))));
    });
    packWriter?.finish(pack.header);
    // Nothing more to do: the thread ends, and with it the main thread's wait (ParseWorker.finished).
    parentPort!.close();
  });
});
