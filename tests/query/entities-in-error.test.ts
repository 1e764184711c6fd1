// A backlog with errors still answers: an entity with a field in error, or one missing a field
// it needs, keeps the defaults of the fields it did not write (its status is `identified`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const broken = join(import.meta.dirname, '..', '..', 'examples', 'broken');

describe('report on a backlog with errors', () => {
  it.each(['markdown', 'text', 'json'])('answers in %s', async (format) => {
    const result = await runCli(['report', '--root', broken, '-f', format]);
    expect(result.stderr).toContain('the backlog has');
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
  });

  it('counts every workload by its status, defaults included', async () => {
    const result = JSON.parse((await runCli(['report', '--root', broken, '-f', 'json'])).stdout);
    const rows = (result.by_status ?? result.byStatus) as Array<Record<string, unknown>>;
    for (const row of rows) expect(Object.keys(row)).toContain('key');
  });

  it('gives a workload without its name the default status', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: nameless\n    owner: Ana\n' });
    const shown = JSON.parse((await runCli(['show', 'nameless', '-f', 'json', '--root', root])).stdout);
    expect(shown.fields.status).toBe('identified');
  });

  it('shows no change of status in a diff when a workload loses its name', async () => {
    const before = 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n';
    const dir = gitRepo([{ message: 'base', files: { 'backlog.yaml': before } }, { message: 'no name', files: { 'backlog.yaml': before.replace('    name: CRM\n', '') } }]);
    const json = JSON.parse((await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--root', dir])).stdout);
    const fields = json.changes.flatMap((change: { fields?: Array<{ path: string }> }) => (change.fields ?? []).map((f) => f.path));
    expect(fields).toEqual(['name']);
  });
});
