// backlog report -f html: the page as text — its exact output, its Content-Security-Policy,
// values that stay text, findings read from the snapshot as from the files, and the CLI's
// errors. tests/e2e/dashboard.test.ts opens it in a real browser.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOf, read, tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => join(repo, 'tests', 'fixtures', name);
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);

/** The page of a backlog, written with -o. */
async function page(root: string, ...args: string[]): Promise<string> {
  const out = join(tempDir(), 'report.html');
  const result = await runCli(['report', '-f', 'html', '-o', out, '--root', root, ...args], { cwd: repo });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toBe('');
  return read(out, '');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const between = (html: string, start: string, end: string) => {
  const from = html.indexOf(start) + start.length;
  return html.slice(from, html.indexOf(end, from));
};

describe('report -f html', () => {
  it('writes the page of a backlog (outside git: no commit to name)', async () => {
    // A copy: in the repository the page would name the commit of the day.
    const html = await page(copyOf(fixture('query')));
    await expect(html).toMatchFileSnapshot(golden('report.html'));
  });

  it('allows by its hash exactly its one style element and its one script, and nothing remote', async () => {
    const html = await page(fixture('query'));
    const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '"');
    const style = between(html, '<style>', '</style>');
    const script = between(html, '<script>', '</script>');
    expect(policy).toBe(`default-src 'none'; script-src ${sha256(script)}; style-src ${sha256(style)}; base-uri 'none'; form-action 'none'`);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="backlog-data">', '<script>']);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    // The policy allows no style attribute and no event handler: the page has none.
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(src|href|action)="(https?:)?\/\//);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('writes every value of a hostile backlog as text', async () => {
    const html = await page(fixture('hostile-names'));
    expect(html.match(/<script\b[^>]*>/g)).toHaveLength(2);
    for (const markup of ['<img', '<iframe', '<svg onload', '<object', '<b ', '<marquee', '<style>body', '</td><script>', '<!--']) expect(html).not.toContain(markup);
    expect(html).toContain('<h1>&lt;script&gt;window.pwned = &#39;project name&#39;&lt;/script&gt;</h1>');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.pwned = &#39;finding&#39;&quot;&gt;');
    // In the table's data no text can close its script element; direction overrides are shown, not obeyed.
    const data = between(html, '<script type="application/json" id="backlog-data">', '</script>');
    expect(data).not.toContain('<');
    expect(data).toContain('\\u003c/script>\\u003cscript>window.pwned = ');
    expect(html).toContain('\\u{202e}evil\\u{202c} owner');
    expect(html).not.toContain('\u202e');
  });

  it('counts the findings as validate does, read from the files and then from the snapshot', async () => {
    const root = fixture('../../examples/broken');
    const validation = JSON.parse((await runCli(['validate', '--root', root, '-f', 'json'], { cwd: repo })).stdout);
    const fromFiles = await page(root, '--no-cache');
    const first = await page(root);
    const fromSnapshot = await page(root);
    const section = (html: string) => html.slice(html.indexOf('<section id="findings"'), html.indexOf('</section>', html.indexOf('<section id="findings"')));
    expect(section(first)).toBe(section(fromFiles));
    expect(section(fromSnapshot)).toBe(section(fromFiles));
    const { errors, warnings } = validation.summary;
    expect(fromSnapshot).toContain(`<a class="count error" href="#findings-errors">${errors} errors</a>, <a class="count warning" href="#findings-warnings">${warnings} warnings</a>`);
    expect(section(fromSnapshot).match(/<tr><th scope="row"><code>/g)).toHaveLength(validation.diagnostics.length);
    expect(section(fromSnapshot)).toContain('<td>workloads.yaml:23:18</td>');
  });

  it('writes to stdout without -o', async () => {
    const result = await runCli(['report', '-f', 'html', '--root', fixture('query')], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>[^]*<\/html>\n$/);
  });

  it('says where it was built from in git, and whether files changed since the commit', async () => {
    const dir = gitRepo([{ message: 'start', date: '2026-03-02', files: { 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O }\n' } }]);
    const commit = git(dir, ['rev-parse', 'HEAD']).trim();
    expect(await page(dir)).toContain(`<dd>commit <code title="${commit}">${commit.slice(0, 12)}</code> of <time datetime="2026-03-02">2026-03-02</time></dd>`);
    writeFileSync(join(dir, 'backlog.yaml'), 'workloads:\n  - { id: a, name: A, owner: P }\n');
    expect(await page(dir)).toContain('</time>, with changes not committed yet</dd>');
  });

  it('draws the burn-up from the git history with --history', async () => {
    const dir = gitRepo([
      { message: 'start', date: '2026-01-05', files: { 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: rehost }\nservers:\n  - { id: A1, workloads: [a] }\n' } },
      { message: 'moved', date: '2026-01-14', files: { 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: O, strategy: rehost, status: migrated }\nservers:\n  - { id: A1, workloads: [a], status: migrated }\n' } },
    ]);
    const html = await page(dir, '--history', '--since', '2026-01-08', '--as-of', '2026-01-15');
    expect(html).toContain('<title id="burn-up-title">Burn-up from 2026-01-08 to 2026-01-15: workloads and servers migrated, in percent</title>');
    expect(html).toContain('<tr><th scope="row">2026-01-15</th><td>1 of 1 (100%)</td><td>1 of 1 in service (100%)</td>');
    expect(await page(dir)).not.toContain('id="burn-up-title"');
  });
});

describe('report -f html: errors', () => {
  it('--history outside git is a usage error', async () => {
    const result = await runCli(['report', '-f', 'html', '--history', '--root', copyOf(fixture('query'))], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^backlog: .* is not in a git repository\nhint: /);
  });

  it('a file that cannot be written is an I/O error, exit 3, with no stack trace', async () => {
    const dir = tempDir({ 'a-file': '' });
    const result = await runCli(['report', '-f', 'html', '-o', join(dir, 'a-file', 'report.html'), '--root', fixture('query')], { cwd: repo });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`backlog: cannot write ${join(dir, 'a-file', 'report.html')}: ${join(dir, 'a-file')} is not a folder\n`);
    expect(result.stderr).not.toContain('    at ');
  });

  it('csv is still only for --history', async () => {
    const result = await runCli(['report', '-f', 'csv', '--root', fixture('query')], { cwd: repo });
    expect(result).toMatchObject({ code: 2, stderr: 'backlog: csv is for --history; the report is text, markdown, json or html\n' });
  });
});
