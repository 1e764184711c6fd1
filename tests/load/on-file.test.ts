// loadFiles tells each file to `onFile` in the order of the files it returns (the model is built
// from them as they come): every file once, the root file in its place, and nothing for a file
// gone since it was listed.
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/load/load-files.js';
import type { BacklogSource } from '../../src/load/source.js';
import type { SourceFile } from '../../src/load/types.js';

/** A source of these files; a file listed without text is gone by the time it is read. */
function source(files: Record<string, string | undefined>): BacklogSource {
  return {
    description: 'test',
    notices: [],
    listFiles: async () => Object.keys(files),
    readFile: async (path) => (files[path] === undefined ? undefined : new TextEncoder().encode(files[path])),
  };
}

describe('loadFiles onFile', () => {
  it('tells every file loaded, once, in the order returned', async () => {
    const told: SourceFile[] = [];
    const loaded = await loadFiles(
      source({
        'a.yaml': 'workloads: [{ id: a, name: A }]\n',
        'backlog.yaml': 'project: { name: P }\n',
        'gone.yaml': undefined,
        'z.yaml': 'servers: [{ id: S1 }]\n',
      }),
      { onFile: (file) => told.push(file) },
    );
    expect(loaded.map((file) => file.path)).toEqual(['a.yaml', 'backlog.yaml', 'z.yaml']);
    expect(told).toHaveLength(loaded.length);
    told.forEach((file, index) => expect(file).toBe(loaded[index]));
  });
});
