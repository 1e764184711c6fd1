// A worker thread's share of a cold load (parallel-read.ts): it takes files one at a time from
// the counter it shares with the main thread, parses and checks each, and sends back what it
// read as the parse cache stores it, by index.
import { parentPort } from 'node:worker_threads';
import { entryOfFile, type CacheEntry } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';

parentPort?.on('message', ({ files, next }: { files: Array<{ path: string; bytes: Uint8Array }>; next: Int32Array }) => {
  const read: Array<[number, CacheEntry]> = [];
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
    const { path, bytes } = files[index]!;
    read.push([index, entryOfFile(readSourceFile(path, bytes))]);
  }
  parentPort!.postMessage(read);
});
