// File names are text from the user's disk: a name holding an escape sequence must not colour,
// clear or retitle the terminal wherever the tool prints it (issue 19, item 17).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const RED = '\u001b[31mred.yaml';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('file names with control characters', () => {
  const root = () =>
    tempDir({
      'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n',
      [RED]: 'workloads:\n  - { id: CRM, name: Copy, owner: Ana, priority: high }\n  - { id: no-owner, name: N }\n',
    });

  it('are escaped in stylish output: the file heading and the "see FILE" lines', async () => {
    const { stdout, code } = await runCli(['validate', '--root', root()]);
    expect(code).toBe(1);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain('\\u{1b}[31mred.yaml\n');
    expect(stdout).toContain('see \\u{1b}[31mred.yaml:2:');
  });

  it('are escaped where a write names the files it wrote or would write', async () => {
    const dir = root();
    const set = await runCli(['set', 'workload:CRM', 'priority=low', '--root', dir]);
    expect(set.stdout + set.stderr).not.toMatch(CONTROL);
    const check = await runCli(['fmt', '--check', '--root', tempDir({ [RED]: 'workloads:\n  - { name: A, id: a, owner: o }\n' })]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('\\u{1b}[31mred.yaml\n');
  });

  it('are escaped where validate names the files it wrote, and init the folder it made', async () => {
    const out = tempDir();
    const wrote = await runCli(['validate', '--root', root(), '-f', `json=${RED}.json`], { cwd: out });
    expect(wrote.stderr).not.toMatch(CONTROL);
    expect(wrote.stderr).toContain('wrote \\u{1b}[31mred.yaml.json');
    const init = await runCli(['init', RED.replace('.yaml', ''), '--ci', 'none'], { cwd: tempDir() });
    expect(init.code).toBe(0);
    expect(init.stdout).not.toMatch(CONTROL);
  });
});
