// A worker thread's share of a cold load (parallel-read.ts): files parsed and checked, sent
// back as the parse cache stores them.
import { parentPort } from 'node:worker_threads';
import { entryOfFile } from './parse-cache.js';
import { readSourceFile } from './read-source-file.js';

parentPort?.on('message', (files: Array<{ path: string; bytes: Uint8Array }>) => {
  parentPort!.postMessage(files.map(({ path, bytes }) => entryOfFile(readSourceFile(path, bytes))));
});
