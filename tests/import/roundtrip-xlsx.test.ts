// A whole backlog through a spreadsheet and back: `export` as an xlsx workbook, imported into a
// backlog that has only its backlog.yaml, gives a backlog that `backlog diff` finds identical —
// references across collections resolve because every sheet is merged at once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { CONTOSO, emptiedContoso } from '../helpers/emptied-contoso.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('export -> import of a whole backlog into an empty one, through xlsx', () => {
  it('gives a backlog diff finds identical, and a second import changes nothing', async () => {
    const sheets = tempDir();
    const exported = await runCli(['export', '--format', 'xlsx', '--output', join(sheets, 'contoso.xlsx'), '--root', CONTOSO]);
    expect(exported).toEqual({ code: 0, stdout: '', stderr: `backlog: wrote ${join(sheets, 'contoso.xlsx')} (sheets ${[...COLLECTION_NAMES, 'metrics'].join(', ')})\n` });
    const root = emptiedContoso();
    const imported = await runCli(['import', 'csv', join(sheets, 'contoso.xlsx')], { cwd: root });
    expect(imported.code).toBe(0);
    expect(imported.stdout.split('\n')[1]).toBe(
      `csv: 238 rows read (${join(sheets, 'contoso.xlsx')}: sheets ${[...COLLECTION_NAMES, 'metrics'].join(', ')}); workloads: 34 added, 0 updated, 0 unchanged; servers: 86 added, 0 updated, 0 unchanged; dependencies: 69 added, 0 updated, 0 unchanged; priorities: 4 added, 0 updated, 0 unchanged; assumptions: 6 added, 0 updated, 0 unchanged; outcomes: 4 added, 0 updated, 0 unchanged; waves: 6 added, 0 updated, 0 unchanged; remediations: 13 added, 0 updated, 0 unchanged; risks: 6 added, 0 updated, 0 unchanged`,
    );
    expect(await runCli(['diff', 'HEAD', '--exit-code'], { cwd: root })).toMatchObject({ code: 0, stdout: expect.stringContaining('No changes to the backlog.') });
    // Importing the same workbook again changes nothing.
    expect((await runCli(['import', 'csv', join(sheets, 'contoso.xlsx')], { cwd: root })).stdout).toMatch(/^Nothing to change\./);
  });
});
