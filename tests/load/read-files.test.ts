// readBacklogFiles gives each file in order as soon as it is ready (the model is built from them
// as they come): every file once, the root file in its place, and nothing for a file gone since
// it was listed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fsSource } from '../../src/load/fs-source.js';
import { backlogOfFiles } from '../../src/load/backlog-of-files.js';
import { loadBacklog } from '../../src/load/load-backlog.js';
import { IN_SHARED_MEMORY, ParseWorker, type WorkerTask } from '../../src/load/parallel/shared-reading.js';
import { readBacklogFiles } from '../../src/load/read-files.js';
import { entryOfFile, type CacheEntry } from '../../src/load/parse-cache.js';
import { readSourceFile } from '../../src/load/read-source-file.js';
import type { BacklogSource } from '../../src/load/source.js';
import type { SourceFile } from '../../src/load/types.js';
import { validate } from '../../src/validate/validate.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A source of these files; a file listed without text is gone by the time it is read. */
function source(files: Record<string, string | undefined>): BacklogSource {
  return {
    description: 'test',
    notices: [],
    listFiles: async () => Object.keys(files),
    readFile: async (path) => (files[path] === undefined ? undefined : new TextEncoder().encode(files[path])),
  };
}

describe('readBacklogFiles', () => {
  it('gives every file, once, in order', async () => {
    const told: SourceFile[] = [];
    const files = source({
      'a.yaml': 'workloads: [{ id: a, name: A }]\n',
      'backlog.yaml': 'project: { name: P }\n',
      'gone.yaml': undefined,
      'z.yaml': 'servers: [{ id: S1 }]\n',
    });
    for await (const file of readBacklogFiles(files)) told.push(file);
    expect(told.map((file) => file.path)).toEqual(['a.yaml', 'backlog.yaml', 'z.yaml']);
  });
});

describe('readBacklogFiles, with a second thread reading', () => {
  afterEach(() => vi.restoreAllMocks());

  /**
   * A stand-in for the worker thread (which exists only in the build): it takes files from the
   * shared counter as the real one does, some at each turn of the event loop, and sends each back as
   * the worker would (its cache entry). The main thread reads the others meanwhile.
   */
  let sentBack = 0;
  function steppingWorker(): ParseWorker {
    const worker = {
      read(task: WorkerTask, onRead: (index: number, entry: CacheEntry) => void): Promise<void> {
        return new Promise((resolve) => {
          const step = () => {
            for (let taken = 0; taken < 20; taken++) {
              const index = Atomics.add(task.next, 0, 1);
              if (index >= task.paths.length) return resolve();
              if (task.kinds[index] !== IN_SHARED_MEMORY) continue;
              const bytes = new Uint8Array(task.bytes, task.offsets[index]!, task.offsets[index + 1]! - task.offsets[index]!);
              onRead(index, JSON.parse(JSON.stringify(entryOfFile(readSourceFile(task.paths[index]!, bytes)))) as CacheEntry);
              sentBack++;
            }
            setImmediate(step);
          };
          setImmediate(step);
        });
      },
      stop: () => undefined,
      finished: () => Promise.resolve(),
      sendPackEntries: () => undefined,
    };
    return worker as unknown as ParseWorker;
  }

  it('gives files while the rest are read, in order, once each; the model built so is the one built at the end', async () => {
    // Enough files for the load to start the second thread before reading them.
    const texts: Record<string, string> = { 'backlog.yaml': 'project: { name: P }\nwaves: [{ id: w1, order: 1 }]\n' };
    for (let n = 0; n < 1200; n++) {
      texts[`workloads/w${String(n).padStart(4, '0')}.yaml`] =
        `workloads: [{ id: w${n}, name: W, owner: O, wave: w1${n > 0 ? `, depends_on: [w${n - 1}]` : ''} }]\n` +
        `servers: [{ id: S${n}, workloads: [w${n}] }]\n` +
        `dependencies: [{ from: 'server:S${n}', to: 'server:S${(n * 7 + 3) % 1200}', port: 443 }]\n`;
    }
    const root = tempDir(texts);
    // How many files had been given each time the worker sent some back: most come while the rest are read.
    const givenWhenSent: number[] = [];
    let given = 0;
    const counted = vi.fn(steppingWorker);
    vi.spyOn(ParseWorker, 'start').mockImplementation(() => {
      const worker = counted();
      const read = worker.read.bind(worker);
      worker.read = (task, onRead) => read(task, (index, entry) => (givenWhenSent.push(given), onRead(index, entry)));
      return worker;
    });
    const files: SourceFile[] = [];
    for await (const file of readBacklogFiles(fsSource(root))) {
      files.push(file);
      given++;
    }
    expect(ParseWorker.start).toHaveBeenCalled();
    // Both threads read: files of each are given in their places.
    expect(sentBack).toBeGreaterThan(0);
    expect(files.map((file) => file.path)).toEqual(Object.keys(texts).sort());
    expect(givenWhenSent.filter((count) => count > 0).length).toBeGreaterThan(0);
    // The model built as they come is the one built from them all at the end.
    const loaded = await loadBacklog(fsSource(root));
    const atTheEnd = backlogOfFiles(files);
    expect(loaded.graph.edges.map((edge) => `${edge.from.id}->${edge.to.id}`)).toEqual(atTheEnd.graph.edges.map((edge) => `${edge.from.id}->${edge.to.id}`));
    expect(atTheEnd.graph.edges).toHaveLength(2 * 1200 - 1);
    expect(validate(files, { asOf: '2026-06-01' }, loaded).diagnostics).toEqual(validate(files, { asOf: '2026-06-01' }, atTheEnd).diagnostics);
  });
});
