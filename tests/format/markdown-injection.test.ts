// Values in Markdown output are inert text (issue 19, item 16): rendered by GitHub's own
// renderer, cmark-gfm (with the table, autolink, strikethrough and tagfilter extensions, and
// raw HTML let through to see what would reach the page), a hostile value makes no element of
// its own — no <img>, no link, no comment, no </details> — is never shown as `&lt;`, and leaves
// no @mention or #reference in the text GitHub acts on. Processes are started here: cmark-gfm.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const hasRenderer = spawnSync('cmark-gfm', ['--version']).status === 0;
if (!hasRenderer) process.stderr.write('cmark-gfm is not installed: the Markdown rendering tests are skipped\n');

const HOSTILE = 'x` <img src="https://evil.example/p.png"> </details> <!-- @octocat `y [click](https://evil.example) ![i](https://evil.example/i.png) https://evil.example/a www.evil.example mail@evil.example #12 **b** ~~s~~ &lt; $x$ | \\| `` ```';
const yamlText = JSON.stringify(HOSTILE);

const BASE = `waves:
  - { id: w1, name: ${yamlText}, order: 1 }
workloads:
  - { id: pay, name: Pay, owner: o, strategy: rehost, wave: w1, status: ready }
  - { id: hr, name: HR, owner: o, strategy: rehost, wave: w1, status: ready }
outcomes:
  - { id: o1, title: ${yamlText}, metrics: [{ id: m1, name: ${yamlText}, unit: ${yamlText}, baseline: ${yamlText}, target: 1 }] }
assumptions:
  - { id: a1, statement: ${yamlText} }
`;
const CHANGED = BASE.replace('name: Pay, owner: o', `name: ${yamlText}, owner: ${yamlText}, x-note: ${yamlText}`).replace('status: ready }\n  - { id: hr', `status: ready, criticality: ${yamlText} }\n  - { id: hr`);

function render(markdown: string): string {
  const rendered = spawnSync('cmark-gfm', ['--unsafe', '-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '-e', 'tagfilter'], { input: markdown, encoding: 'utf8' });
  expect(rendered.status).toBe(0);
  return rendered.stdout;
}

/** The tags of the rendered HTML, and its text outside <code> and <pre> (where GitHub looks for mentions). */
function read(html: string): { tags: Set<string>; comments: string[]; text: string; code: string[] } {
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((match) => match[1]!.toLowerCase()));
  const comments = [...html.matchAll(/<!--[\s\S]*?-->/g)].map((match) => match[0]);
  const code = [...html.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((match) => decode(match[1]!));
  const text = decode(html.replace(/<pre[\s\S]*?<\/pre>|<code[^>]*>[\s\S]*?<\/code>/g, ' ').replace(/<[^>]*>/g, ' '));
  return { tags, comments, text, code };
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** What the tool itself writes in Markdown. */
const OWN_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'ul', 'li', 'br', 'details', 'summary', 'pre']);

function expectInert(markdown: string, ownComments: string[] = []): void {
  const html = render(markdown);
  const { tags, comments, text, code } = read(html);
  expect([...tags].filter((tag) => !OWN_TAGS.has(tag))).toEqual([]);
  expect(comments).toEqual(ownComments);
  expect(html.match(/<details>/g)?.length ?? 0).toBe(html.match(/<\/details>/g)?.length ?? 0);
  // GitHub's mention and issue-reference patterns, in the text it scans.
  expect(text).not.toMatch(/(?:^|\W)@[a-z0-9]/i);
  expect(text).not.toMatch(/(?:^|\s)#\d/);
  // Escaped once, by the renderer: never shown as `&lt;` where the value had `<`.
  for (const shown of code) expect(shown).not.toContain('&lt;img');
  // The value is shown, as text, not swallowed.
  expect(`${text} ${code.join(' ')}`).toContain('<img src="https://evil.example/p.png">');
}

describe.skipIf(!hasRenderer)('Markdown output, rendered by cmark-gfm', () => {
  const root = tempDir({ 'backlog.yaml': CHANGED });

  it('list -f markdown, with the hostile value in several columns', async () => {
    const { stdout, code } = await runCli(['list', '--root', root, '-f', 'markdown', '--columns', 'id,name,owner,x-note,criticality']);
    expect(code).toBe(0);
    expectInert(stdout);
  });

  it('waves -f markdown', async () => {
    expectInert((await runCli(['waves', '--root', root, '-f', 'markdown'])).stdout);
  });

  it('validate -f markdown: a finding whose message quotes the value', async () => {
    const { stdout, code } = await runCli(['validate', '--root', root, '-f', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toContain('criticality');
    expectInert(stdout);
  });

  it('report -f markdown', async () => {
    expectInert((await runCli(['report', '--root', root, '-f', 'markdown'])).stdout);
  });

  it('diff -f markdown: the PR comment keeps its own marker and nothing else', async () => {
    const dir = gitRepo([
      { message: 'base', files: { 'backlog.yaml': BASE } },
      { message: 'hostile', files: { 'backlog.yaml': CHANGED } },
    ]);
    const { stdout } = await runCli(['diff', 'HEAD~1', 'HEAD', '-f', 'markdown'], { cwd: dir });
    expect(stdout.startsWith('<!-- backlog-diff -->\n')).toBe(true);
    expectInert(stdout, ['<!-- backlog-diff -->']);
  });
});
