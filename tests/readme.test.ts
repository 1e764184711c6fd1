// The README is the front door: what it shows must be what the tool does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

const repo = join(import.meta.dirname, '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the current output of validate on examples/broken', async () => {
    const shown = /<!-- broken-output -->[\s\S]*?```text\n([\s\S]*?)\n```[\s\S]*?<!-- \/broken-output -->/.exec(readme)?.[1];
    const { stdout, code } = await runCli(['validate', '--root', 'examples/broken'], { cwd: repo });
    expect(code).toBe(1);
    expect(shown).toBe(stdout.trimEnd());
  });

  it('has an example backlog that validates clean', async () => {
    const example = /```yaml\n(# backlog\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const { tempDir } = await import('./helpers/temp-dir.js');
    const { code, stdout } = await runCli(['validate', '--root', tempDir({ 'backlog.yaml': example! })]);
    expect(stdout).toBe('✔ no problems (1 file, 8 entities)\n');
    expect(code).toBe(0);
  });

  it('names the commands the quick start runs', () => {
    expect(readme).toContain('npm ci && npx backlog validate --root examples/contoso && npx backlog list --priority --root examples/contoso');
    expect(readme).toContain('\nnpm test\n');
  });
});
