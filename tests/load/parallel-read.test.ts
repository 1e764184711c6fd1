// A worker that fails midway leaves no file unread: this thread reads what it did not send.
// (The worker itself exists only in the build: tests/e2e/parse-worker.test.ts runs it.)
import { describe, expect, it, vi } from 'vitest';
import { readFiles, type ParseWorker, type WorkerTask } from '../../src/load/parallel/shared-reading.js';
import { readSourceFile } from '../../src/load/read-source-file.js';

describe('a worker that fails midway', () => {
  /** A stand-in worker: takes `taken` files from the shared counter, sends back none of them, then fails. */
  function failingWorker(taken: number) {
    const stop = vi.fn();
    const worker = {
      read: (task: WorkerTask) => {
        for (let n = 0; n < taken; n++) Atomics.add(task.next, 0, 1);
        return Promise.reject(new Error('the parse worker stopped (1)'));
      },
      stop,
    };
    return { worker: worker as unknown as ParseWorker, stop };
  }

  const files = Array.from({ length: 5 }, (_, n) => ({ path: `w${n}.yaml`, bytes: new TextEncoder().encode(`workloads:\n  - id: w${n}\n    name: W${n}\n`) }));
  const expected = files.map(({ path, bytes }) => readSourceFile(path, bytes));

  it('reads alone, the worker stopped, when the memory to share cannot be reserved', async () => {
    vi.stubGlobal(
      'SharedArrayBuffer',
      class {
        constructor() {
          throw new RangeError('Array buffer allocation failed');
        }
      },
    );
    const { worker, stop } = failingWorker(0);
    try {
      const { read } = await readFiles(files, 2, worker);
      expect(read.map((r) => r?.file)).toEqual(expected);
      expect(stop).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['having taken two files', 2],
    ['having taken none', 0],
  ])('leaves no file unread, %s', async (_name, taken) => {
    const { worker, stop } = failingWorker(taken);
    const { read } = await readFiles(files, 2, worker);
    expect(read.map((r) => r?.file)).toEqual(expected);
    expect(stop).toHaveBeenCalled();
  });
});

