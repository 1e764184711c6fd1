// A name is text, never Mermaid: `%%{init: ...}%%` in a label would reconfigure the diagram
// (Mermaid reads directives anywhere in the text, quotes or not). Checked with Mermaid's own
// parser, which reports the configuration the text set (issue 19, item 18).
import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.js';
import { parseMermaid } from '../helpers/mermaid-parser.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const NAME = 'Pay %%{init: {"theme": "dark", "themeCSS": ".node rect { fill: red }"}}%% roll';
const BACKLOG = `waves:\n  - { id: w1, order: 1 }\nworkloads:\n  - { id: pay, name: '${NAME}', owner: O, strategy: rehost, wave: w1 }\n  - { id: hr, name: HR, owner: O, strategy: rehost, wave: w1 }\n`;

function mermaidBlock(markdown: string): string {
  const block = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  expect(block, 'no mermaid block').not.toBeNull();
  return block![1]!;
}

describe('Mermaid directives in names', () => {
  it('graph: the label shows the text, and the diagram keeps its configuration', async () => {
    const { stdout, code } = await runCli(['graph', '--root', tempDir({ 'backlog.yaml': BACKLOG })]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('%%');
    expect((await parseMermaid(stdout)).config).toEqual({});
  });

  // Diff graphs label nodes with ids, which cannot hold `%`; the same escaping serves them.
  it('diff -f markdown: the graph of changed edges parses with its configuration untouched', async () => {
    const dir = gitRepo([
      { message: 'base', files: { 'backlog.yaml': BACKLOG } },
      { message: 'edge', files: { 'backlog.yaml': BACKLOG.replace('name: HR,', 'name: HR, depends_on: [pay],') } },
    ]);
    const { stdout } = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'markdown'], { cwd: dir });
    expect((await parseMermaid(mermaidBlock(stdout))).config).toEqual({});
  });
});
