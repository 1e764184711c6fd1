// The working tree's blob ids kept by stamp (git/worktree-blob-ids.ts): a file is read again
// only when its stamp moved or when it was racy, and the id is always git's id of its bytes now.
import { execFileSync } from 'node:child_process';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../../src/cache/cache.js';
import { WorktreeBlobIds } from '../../src/git/worktree-blob-ids.js';
import { fsSource } from '../../src/load/fs-source.js';
import { tempDir } from '../helpers/temp-dir.js';

const FILES = { 'a.yaml': 'workloads: []\n', 'b.yaml': 'servers: []\n' };

/**
 * The files' ids as a run gives them, and which files it read. `aged`: the files last changed a
 * minute ago, no longer racy (a file's change time cannot be put back).
 */
async function idsOfRun(cache: Cache, root: string, aged = true) {
  const real = fsSource(root);
  const read: string[] = [];
  const source = {
    ...real,
    readFile: (path: string, room?: Parameters<typeof real.readFile>[1]) => (read.push(path), real.readFile(path, room)),
    stamp: (path: string) => {
      const stamp = real.stamp(path);
      return stamp && (aged ? { ...stamp, changedAt: Date.now() - 60_000 } : stamp);
    },
  };
  const known = WorktreeBlobIds.open(cache, root);
  const ids: Record<string, string | undefined> = {};
  for (const path of Object.keys(FILES)) ids[path] = await known.idOf(source, path, (size) => new Uint8Array(size));
  known.save();
  return { ids, read };
}

/** git's own blob id of a file. */
const gitId = (root: string, path: string) => execFileSync('git', ['hash-object', join(root, path)], { encoding: 'utf8' }).trim();

describe('blob ids of the working tree, kept by stamp', () => {
  it("reads a file again only when its stamp moved, and gives git's id of its bytes", async () => {
    const root = tempDir(FILES);
    const cache = new Cache(tempDir(), 'test');
    const first = await idsOfRun(cache, root);
    expect(first.read).toEqual(['a.yaml', 'b.yaml']);
    for (const path of Object.keys(FILES)) expect(first.ids[path]).toBe(gitId(root, path));

    expect(await idsOfRun(cache, root)).toEqual({ ids: first.ids, read: [] });

    // The same size, the modification time put back: the change time still moves the stamp.
    const { mtime } = statSync(join(root, 'a.yaml'));
    writeFileSync(join(root, 'a.yaml'), 'workloads: {}\n');
    utimesSync(join(root, 'a.yaml'), mtime, mtime);
    const edited = await idsOfRun(cache, root);
    expect(edited.read).toEqual(['a.yaml']);
    expect(edited.ids['a.yaml']).toBe(gitId(root, 'a.yaml'));
    expect(edited.ids['a.yaml']).not.toBe(first.ids['a.yaml']);
  });

  it('does not keep the id of a file changed just before it was read', async () => {
    const root = tempDir(FILES);
    const cache = new Cache(tempDir(), 'test');
    // Written just now: a change within the same clock tick would keep its stamp.
    expect((await idsOfRun(cache, root, false)).read).toEqual(['a.yaml', 'b.yaml']);
    expect((await idsOfRun(cache, root, false)).read).toEqual(['a.yaml', 'b.yaml']);
    expect((await idsOfRun(cache, root)).read).toEqual(['a.yaml', 'b.yaml']);
    expect((await idsOfRun(cache, root)).read).toEqual([]);
  });

  it('gives no id for a file that is gone', async () => {
    const root = tempDir(FILES);
    const known = WorktreeBlobIds.open(new Cache(tempDir(), 'test'), root);
    expect(await known.idOf(fsSource(root), 'c.yaml', (size) => new Uint8Array(size))).toBeUndefined();
  });
});
