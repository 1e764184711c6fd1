// Writers that run at once: every change made by a command that said "Wrote" is kept.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, runBuilt } from '../helpers/run-built.js';
import { started } from '../helpers/started-cli.js';
import { copyOf, tempDir } from '../helpers/temp-dir.js';

const contoso = join(repo, 'examples', 'contoso');

// One trial: repeating the same four writers cost as much again and added no case.
describe('writers at once', () => {
  it('keep every change: four sets started together all land, two of them in one file', async () => {
    const root = copyOf(contoso);
    const env = { XDG_CACHE_HOME: tempDir() };
    const results = await Promise.all([
      started(['set', 'crm', 'priority=low', '--root', root], env),
      started(['set', 'payroll', 'owner=zz@contoso.com', '--root', root], env),
      started(['set', 'hr-portal', 'priority=medium', '--root', root], env),
      started(['set', 'timesheets', 'owner=yy@contoso.com', '--root', root], env),
    ]);
    for (const result of results) expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Wrote') });
    const rows = (JSON.parse(runBuilt(['list', '--columns', 'id,priority,owner', '-f', 'json', '--root', root], { env }).stdout) as { items: Array<Record<string, string>> }).items;
    const field = (id: string, name: string) => rows.find((row) => row.id === id)?.[name];
    const shown = [field('crm', 'priority'), field('payroll', 'owner'), field('hr-portal', 'priority'), field('timesheets', 'owner')];
    expect(shown).toEqual(['low', 'zz@contoso.com', 'medium', 'yy@contoso.com']);
  });
});
