// What reaches a terminal, a pipe or a file is safe and readable: no escape sequences from the
// files, no two formats mixed on stdout, no stack trace when the reader goes away.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '..', '..');

describe('output safety', () => {
  it('shows control characters from the files as escapes, in every text format', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    strategy: "\\e[2J\\e]0;pwned\\a"\n' });
    for (const format of ['stylish', 'github', 'markdown']) {
      const { stdout } = await runCli(['validate', '--root', root, '-f', format]);
      expect(stdout).not.toMatch(/[\u001b\u0007]/);
      expect(stdout).toContain('\\u{1b}[2J');
    }
  });

  it('refuses two formats on stdout, and two formats in one file', async () => {
    const two = await runCli(['validate', '--root', 'tests/fixtures/clean', '-f', 'json', '-f', 'sarif'], { cwd: repo });
    expect(two.code).toBe(2);
    expect(two.stdout).toBe('');
    expect(two.stderr).toContain('json and sarif would both go to stdout');
    const same = await runCli(['validate', '--root', 'tests/fixtures/clean', '-f', 'json=x.json', '-f', 'sarif=./x.json'], { cwd: tempDir() });
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/two formats would be written to .*x\.json/);
  });

  it('says in one line what it did when every output goes to a file', async () => {
    const dir = tempDir();
    const result = await runCli(['validate', '--root', join(repo, 'tests/fixtures/golden'), '-f', 'json=out.json'], { cwd: dir });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('backlog: 3 errors, 2 warnings, 1 info in 4 files; wrote out.json\n');
  });

  it('points a folder given as an argument to --root', async () => {
    const result = await runCli(['validate', 'examples/contoso'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('hint: to work on another folder, use --root DIR');
  });
});
