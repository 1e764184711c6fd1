// The README is the front door: what it shows must be what the tool does. So must docs/commands.md,
// where the full output of validate on examples/broken lives.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backlogArgs } from './helpers/command-line.js';
import { gitRepo } from './helpers/git-repo.js';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const commandsDoc = readFileSync(join(repo, 'docs', 'commands.md'), 'utf8');

/** The text block between `<!-- marker -->` and `<!-- /marker -->`. */
function shown(doc: string, marker: string): string | undefined {
  return new RegExp(`<!-- ${marker} -->[\\s\\S]*?\`\`\`text\\n([\\s\\S]*?)\\n\`\`\`[\\s\\S]*?<!-- /${marker} -->`).exec(doc)?.[1];
}

const example = /```yaml\n(# backlog\.yaml[\s\S]*?)```/.exec(readme)?.[1];

describe('README', () => {
  it('and docs/commands.md show the current output of validate on examples/broken: all of it, and an excerpt', async () => {
    const { stdout, code } = await runCli(['validate', '--root', 'examples/broken'], { cwd: repo });
    expect(code).toBe(1);
    expect(shown(commandsDoc, 'broken-output')).toBe(stdout.trimEnd());
    // The excerpt: pieces of the output in their order, `…` between them, up to its last line.
    const pieces = shown(readme, 'broken-output-excerpt')!.split('\n…\n');
    expect(pieces.length).toBeGreaterThan(1);
    let from = 0;
    for (const piece of pieces) {
      const at = stdout.indexOf(piece, from);
      expect(at, piece).toBeGreaterThanOrEqual(from);
      from = at + piece.length;
    }
    expect(stdout.trimEnd().endsWith(pieces.at(-1)!)).toBe(true);
  });

  it('has an example backlog that validates clean, written as fmt writes it (the pre-commit hook)', async () => {
    expect(example).toBeDefined();
    const root = tempDir({ 'backlog.yaml': example! });
    const { code, stdout } = await runCli(['validate', '--root', root]);
    expect(stdout).toBe('✔ no problems (1 file, 8 entities)\n');
    expect(code).toBe(0);
    expect(await runCli(['fmt', '--check', '--root', root])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it("shows what the walkthrough's pull request does to that backlog: its commands run, the diff they print", async () => {
    const cwd = gitRepo([{ message: 'The backlog', files: { 'migration/backlog.yaml': example! } }]);
    const block = /### 5\. Review[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    let last = { code: -1, stdout: '' };
    for (const line of block) {
      if (line.startsWith('git ')) {
        execFileSync('git', line.split(' ').slice(1), { cwd, stdio: 'ignore' });
        continue;
      }
      last = await runCli(backlogArgs(line), { cwd });
      expect(last.code, line).toBe(0);
    }
    expect(block.at(-1)).toMatch(/^npx backlog diff\b/);
    const withoutCommit = (text: string) => text.replace(/^backlog diff [0-9a-f]+\.\./, 'backlog diff BASE..');
    expect(withoutCommit(shown(readme, 'walkthrough-diff') ?? '')).toBe(withoutCommit(last.stdout.trimEnd()));
  });

  it('names the commands the quick start runs', () => {
    expect(readme).toContain('npm ci && npx backlog validate --root examples/contoso && npx backlog list --priority --root examples/contoso');
    expect(readme).toContain('\nnpm test\n');
  });
});
