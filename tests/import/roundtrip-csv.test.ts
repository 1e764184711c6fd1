// A whole backlog through CSV and back: `export` of one sheet per collection (and the metrics),
// imported all at once into a backlog that has only its backlog.yaml, gives a backlog that
// `backlog diff` finds identical — references across collections resolve because every sheet
// is merged at once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { CONTOSO, emptiedContoso } from '../helpers/emptied-contoso.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('export -> import of a whole backlog into an empty one, through CSV', () => {
  it('through one CSV sheet per collection, and the metrics, gives a backlog diff finds identical', async () => {
    const sheets = tempDir();
    const files: string[] = [];
    for (const name of [...COLLECTION_NAMES, 'metrics']) {
      const exported = await runCli(['export', name, '--root', CONTOSO]);
      expect(exported.code).toBe(0);
      writeFileSync(join(sheets, `${name}.csv`), exported.stdout);
      files.push(join(sheets, `${name}.csv`));
    }
    const root = emptiedContoso();
    // Each collection alone is refused (what it names is not there yet); all at once resolve.
    expect((await runCli(['import', 'csv', files[0]!], { cwd: root })).code).toBe(1);
    const imported = await runCli(['import', 'csv', ...files.reverse()], { cwd: root });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(await runCli(['diff', 'HEAD', '--exit-code'], { cwd: root })).toMatchObject({ code: 0, stdout: expect.stringContaining('No changes to the backlog.') });
  });
});
