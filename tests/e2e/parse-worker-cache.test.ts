// The parse cache a cold load writes on the worker thread is the one a single thread writes.
import { cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.js';
import { backlog, manyFiles, packIn } from '../helpers/parse-worker-runs.js';
import { repo } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('the parse cache of a cold load with the worker', () => {
  const cacheDir = () => tempDir();

  it('is written by the worker: the pack a single thread writes, which the next run reads whole; the answer is the same', () => {
    // 1,200 files (the worker started before they are read, and sending its files in many
    // batches while this thread reads beside it) and the example, with findings on both sides
    // of the split whichever way it goes.
    const root = manyFiles(1200);
    cpSync(join(repo, 'examples', 'contoso'), join(root, 'contoso'), { recursive: true });
    const worker = true;
    const [withWorker, alone] = [cacheDir(), cacheDir()];
    const cold = backlog(['validate', '-f', 'json', '--root', root], { worker, cache: withWorker });
    expect(cold).toEqual(backlog(['validate', '-f', 'json', '--root', root], { worker: false, cache: alone }));
    const codes = new Set((JSON.parse(cold.stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(['DUPLICATE_KEY', 'INVALID_VALUE', 'UNKNOWN_REFERENCE', 'YAML_SYNTAX']));
    const pack = packIn(withWorker);
    expect(Object.keys(pack.entries).length).toBe(readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => /\.ya?ml$/.test(p)).length);
    expect(pack.entries).toEqual(packIn(alone).entries);
    // A warm run finds every file: nothing new, so the pack is not written again (a new one would be another file).
    const written = statSync(pack.path).ino;
    const warm = backlog(['validate', '-f', 'json', '--root', root], { worker, cache: withWorker });
    expect(warm).toEqual(cold);
    expect(statSync(pack.path).ino).toBe(written);
  });

  it('keeps the files of a later load too (validate --changed reads the base)', () => {
    const workload = (n: number, status: string) => `workloads:\n  - id: w${n}\n    name: W${n}\n    owner: Ana\n    status: ${status}\n`;
    const root = gitRepo([{ message: 'base', files: { 'backlog.yaml': 'project:\n  name: P\n', 'a.yaml': workload(1, 'assessing'), 'b.yaml': workload(2, 'assessing') } }]);
    writeFileSync(join(root, 'a.yaml'), workload(1, 'migrating'));
    const [withWorker, alone] = [cacheDir(), cacheDir()];
    const changed = backlog(['validate', '--changed', '--base', 'main', '-f', 'json', '--root', root], { worker: true, cache: withWorker });
    expect(changed).toEqual(backlog(['validate', '--changed', '--base', 'main', '-f', 'json', '--root', root], { worker: false, cache: alone }));
    // The working tree's three files (the worker's pack) and the base's a.yaml.
    expect(Object.keys(packIn(withWorker).entries).sort()).toEqual(Object.keys(packIn(alone).entries).sort());
    expect(Object.keys(packIn(withWorker).entries)).toHaveLength(4);
  });
});
