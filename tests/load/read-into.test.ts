// A cold load reads each file into the memory it shares with the worker: the source fills the
// room it is offered (a small file by way of a staging buffer, a large one straight in), and
// the shared buffer then holds every file's bytes where the worker looks for them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fsSource } from '../../src/load/fs-source.js';
import { IN_SHARED_MEMORY, SharedReading, type ParseWorker, type WorkerTask } from '../../src/load/parallel/shared-reading.js';
import { readSourceFile } from '../../src/load/read-source-file.js';
import { tempDir } from '../helpers/temp-dir.js';

function folder(files: Record<string, string>): string {
  const root = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

describe('a file source offered room for a file', () => {
  const text = 'workloads:\n  - id: crm\n    name: CRM\n';
  const source = fsSource(folder({ 'a.yaml': text, 'empty.yaml': '' }));

  it('reads the file into it, and gives back the part filled', async () => {
    const memory = new Uint8Array(new SharedArrayBuffer(100));
    const room = vi.fn((size: number) => new Uint8Array(memory.buffer, 10, size));
    const bytes = await source.readFile('a.yaml', room);
    expect(room).toHaveBeenCalledWith(Buffer.byteLength(text));
    expect(bytes!.buffer).toBe(memory.buffer);
    expect(bytes!.byteOffset).toBe(10);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(text);
  });

  it('fills the room of a file larger than its staging buffer, whole, and only that room', async () => {
    // 300 KB of text: past the 256 KB staging buffer, so read straight into the room.
    const large = `workloads:\n${'  - id: w\n    name: a long name to fill the file\n'.repeat(6500)}`;
    const root = folder({ 'large.yaml': large, 'small.yaml': text });
    const memory = new Uint8Array(new SharedArrayBuffer(Buffer.byteLength(large) + 20)).fill(7);
    const bytes = await fsSource(root).readFile('large.yaml', (size) => new Uint8Array(memory.buffer, 10, size));
    expect(Buffer.byteLength(large)).toBeGreaterThan(256 * 1024);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(large);
    expect([...memory.subarray(0, 10), ...memory.subarray(10 + bytes!.byteLength)]).toEqual(new Array(20).fill(7));
    // A small file read after it is its own bytes, not what the large one left anywhere.
    const small = await fsSource(root).readFile('small.yaml', (size) => new Uint8Array(new SharedArrayBuffer(size)));
    expect(Buffer.from(small!).toString('utf8')).toBe(text);
  });

  it('reads into a buffer of its own when the room offered is none', async () => {
    const bytes = await source.readFile('a.yaml', () => undefined);
    expect(bytes!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(text);
  });

  it.skipIf(process.platform === 'win32')('skips what is not a regular file, with a notice, without waiting for a writer', async () => {
    const root = folder({});
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    const room = vi.fn(() => undefined);
    const source = fsSource(root);
    for (const offered of [room, undefined]) expect(await source.readFile('pipe.yaml', offered)).toBeUndefined();
    expect(room).not.toHaveBeenCalled();
    expect(source.notices).toEqual(['skipped pipe.yaml: not a regular file', 'skipped pipe.yaml: not a regular file']);
  });

  it('asks no room for an empty file, and says a missing one is missing', async () => {
    const room = vi.fn(() => undefined);
    expect(Array.from((await source.readFile('empty.yaml', room))!)).toEqual([]);
    expect(room).not.toHaveBeenCalled();
    expect(await source.readFile('gone.yaml', room)).toBeUndefined();
  });
});

describe('files read into the shared buffer', () => {
  /** A stand-in worker that keeps the task it is given and reads nothing (this thread then reads every file). */
  function idleWorker() {
    const sent: WorkerTask[] = [];
    const worker = {
      read: (task: WorkerTask) => {
        sent.push(task);
        Atomics.store(task.next, 0, 0);
        return Promise.resolve();
      },
      stop: () => undefined,
      finished: () => Promise.resolve(),
    };
    return { worker: worker as unknown as ParseWorker, sent };
  }

  const texts = ['workloads:\n  - id: a\n    name: A\n', 'workloads:\n  - id: b\n    name: B\n    owner: Ana\n', 'workloads:\n  - id: c\n    name: C\n'];

  it('are where the worker looks for them, whether read into their room or copied in', async () => {
    const { worker, sent } = idleWorker();
    const paths = texts.map((_, n) => `w${n}.yaml`);
    const reading = SharedReading.start(worker, paths, undefined)!;
    texts.forEach((text, index) => {
      const bytes = new TextEncoder().encode(text);
      if (index === 1) {
        // Copied in: a file read into a buffer of its own.
        reading.put(index, bytes);
        return;
      }
      const room = reading.roomFor(index, bytes.byteLength)!;
      room.set(bytes);
      reading.put(index, room);
    });
    const [task] = sent;
    const inShared = paths.map((_, n) => Buffer.from(new Uint8Array(task!.bytes, task!.offsets[n]!, task!.offsets[n + 1]! - task!.offsets[n]!)).toString('utf8'));
    expect(inShared).toEqual(texts);
    const { read } = await reading.finish();
    expect(read.map((r) => r?.file)).toEqual(texts.map((text, n) => readSourceFile(paths[n]!, new TextEncoder().encode(text))));
  });

  it('leave a hole for a file gone since it was listed, and the worker skips it', async () => {
    const { worker, sent } = idleWorker();
    const paths = texts.map((_, n) => `w${n}.yaml`);
    const reading = SharedReading.start(worker, paths, undefined)!;
    texts.forEach((text, index) => {
      if (index === 1) return reading.put(index, undefined);
      const bytes = new TextEncoder().encode(text);
      const room = reading.roomFor(index, bytes.byteLength)!;
      room.set(bytes);
      reading.put(index, room);
    });
    expect(Array.from(sent[0]!.kinds)).toEqual([IN_SHARED_MEMORY, 0, IN_SHARED_MEMORY]);
    const { read } = await reading.finish();
    expect(read.map((r) => r?.file.path)).toEqual(['w0.yaml', undefined, 'w2.yaml']);
  });

  it('tell their progress on the way: each file read is there to take, in the order read', async () => {
    const { worker } = idleWorker();
    const paths = texts.map((_, n) => `w${n}.yaml`);
    const reading = SharedReading.start(worker, paths, undefined)!;
    texts.forEach((text, index) => reading.put(index, new TextEncoder().encode(text)));
    const seen: string[] = [];
    const progress = reading.readInOrder();
    let step = await progress.next();
    while (!step.done) {
      seen.push(paths.map((_, n) => (reading.fileAt(n) ? 'read' : '-')).join(' '));
      step = await progress.next();
    }
    const { read } = step.value;
    expect(seen).toEqual(['read - -', 'read read -', 'read read read']);
    expect(paths.map((_, n) => reading.fileAt(n))).toEqual(read.map((r) => r?.file));
  });

  it('asks for room only for the next file', () => {
    const reading = SharedReading.start(idleWorker().worker, ['a.yaml', 'b.yaml'], undefined)!;
    expect(() => reading.roomFor(1, 10)).toThrow(/out of order/);
  });
});
