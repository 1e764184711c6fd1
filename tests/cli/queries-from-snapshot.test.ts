// The query commands answer from the model's snapshot (load/snapshot.ts) and read only what
// they need of it: each answer must be byte for byte the one read from the files (--no-cache).
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, tempDir } from '../helpers/temp-dir.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const fixtures = join(import.meta.dirname, '..', 'fixtures');

const QUERIES: string[][] = [
  ['waves'],
  ['waves', '-f', 'json'],
  ['waves', '--suggest'],
  ['waves', '--suggest', '--reassign', '--max-servers', '7', '-f', 'json'],
  ['report'],
  ['report', '-f', 'json'],
  ['graph', '-f', 'json'],
];

/** Each query run from the files, then twice with the cache (the second from the snapshot): all three alike. */
async function expectAlike(root: string, queries: string[][]): Promise<void> {
  const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'backlog-fast-path-test-')) };
  for (const args of queries) {
    const fromFiles = await runCli([...args, '--root', root, '--no-cache'], { env });
    const first = await runCli([...args, '--root', root], { env });
    const fromSnapshot = await runCli([...args, '--root', root], { env });
    expect(first, `${root}: ${args.join(' ')}`).toEqual(fromFiles);
    expect(fromSnapshot, `${root}: ${args.join(' ')} (from the snapshot)`).toEqual(fromFiles);
  }
  const dir = join(env.XDG_CACHE_HOME, 'migration-backlog');
  expect(existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.snapshot.cache'))).toBe(true);
}

describe('queries from the snapshot', () => {
  it('answer as from the files on the examples and the fixtures about waves, move groups and references', async () => {
    const fixtureQueries = [...QUERIES, ['show', 'wave-1'], ['graph', '--level', 'server', '-f', 'json']];
    await expectAlike(copyOf(join(examples, 'contoso')), [...fixtureQueries, ['show', 'crm'], ['show', 'payroll', '-f', 'json'], ['graph', '--focus', 'crm', '--depth', '2']]);
    await expectAlike(copyOf(join(examples, 'broken')), QUERIES);
    for (const fixture of ['wave-order', 'wave-capacity', 'split-move-group', 'unrationalized-in-wave', 'unknown-reference', 'duplicate-id', 'self-dependency']) {
      await expectAlike(copyOf(join(fixtures, fixture)), QUERIES);
    }
  });

  it('answer as from the files on a generated estate', async () => {
    const root = join(tempDir(), 'estate');
    generateEstate('S', root);
    await expectAlike(root, [
      ...QUERIES,
      ['show', 'wl-42'],
      ['show', 'wl-7', '-f', 'json'],
      ['show', 'SRV000210'],
      ['show', 'wave-2', '-f', 'yaml'],
      ['graph', '--focus', 'wl-42'],
      ['graph', '--focus', 'wl-42', '--depth', '2', '-f', 'json'],
      ['graph', '--focus', 'SRV000210', '--level', 'server', '-f', 'dot'],
      ['list', '--columns', 'id,servers,cores,blocked_by,move_group,depends_on_count,dependents_count'],
    ]);
  });
});
