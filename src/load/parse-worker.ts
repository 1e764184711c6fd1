// A worker thread's share of a cold load (parallel-read.ts): it takes files one at a time from
// the counter it shares with the main thread, parses and checks each, and sends back what it
// read as the parse cache stores it, by index, in batches as it goes.
import { parentPort } from 'node:worker_threads';
import type { WorkerBatch, WorkerRead, WorkerTask } from './parallel-read.js';
import { entryOfFile } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';

/** Files per message: large enough that messages cost little, small enough that the last one comes soon after the last file. */
const BATCH_SIZE = 200;

parentPort?.on('message', ({ paths, offsets, bytes, next }: WorkerTask) => {
  let read: WorkerRead = [];
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    const file = new Uint8Array(bytes, offsets[index]!, offsets[index + 1]! - offsets[index]!);
    read.push([index, entryOfFile(readSourceFile(paths[index]!, file))]);
    if (read.length === BATCH_SIZE) {
      parentPort!.postMessage({ json: JSON.stringify(read), done: false } satisfies WorkerBatch);
      read = [];
    }
  }
  parentPort!.postMessage({ json: JSON.stringify(read), done: true } satisfies WorkerBatch);
});
