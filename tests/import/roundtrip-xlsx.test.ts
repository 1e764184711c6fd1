// A whole backlog through a spreadsheet and back: `export` as an xlsx workbook, imported into a
// backlog that has only its backlog.yaml, gives a backlog that `backlog diff` finds identical —
// references across collections resolve because every sheet is merged at once.
import { readdirSync, readFileSync } from 'node:fs';
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

// Was a bug, kept as a regression test: `export -o plan.xlsx` wrote CSV into a file Excel then refused to open.
describe('export --output named .xlsx or .csv', () => {
  it('writes a workbook for a .xlsx name when --format is not given', async () => {
    const file = join(tempDir(), 'plan.xlsx');
    expect(await runCli(['export', 'waves', '-o', file, '--root', CONTOSO])).toEqual({ code: 0, stdout: '', stderr: `backlog: wrote ${file} (sheet waves)\n` });
    // A workbook is a zip archive.
    expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('refuses a --format the name contradicts (exit 2), and writes nothing', async () => {
    const dir = tempDir();
    expect(await runCli(['export', '-f', 'csv', '-o', join(dir, 'plan.xlsx'), '--root', CONTOSO])).toEqual({
      code: 2,
      stdout: '',
      stderr: `backlog: --output ${join(dir, 'plan.xlsx')} is named as xlsx, but the format is csv\nhint: write --format xlsx, or name the file .csv\n`,
    });
    expect(await runCli(['export', '-f', 'xlsx', '-o', join(dir, 'plan.csv'), '--root', CONTOSO])).toMatchObject({ code: 2, stdout: '' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
