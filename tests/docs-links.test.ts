// Every relative link in the README, docs/ and bench/README.md points at a file there is, and a
// link to a heading (`commands.md#what-it-catches`) at a heading there is, named as GitHub
// names it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const pages = ['README.md', 'bench/README.md', ...readdirSync(join(repo, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The text outside fenced code blocks. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '');

/** The anchors GitHub makes of a page's headings. */
function anchors(path: string): Set<string> {
  const headings = [...prose(readFileSync(path, 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((match) => match[1]!);
  return new Set(headings.map((heading) => heading.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replaceAll(' ', '-')));
}

describe('relative links', () => {
  for (const page of pages) {
    it(`in ${page} resolve`, () => {
      const links = [...prose(readFileSync(join(repo, page), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
      const broken = links
        .filter((link) => !/^[a-z]+:/.test(link))
        .filter((link) => {
          const [file, anchor] = link.split('#') as [string, string | undefined];
          const target = file === '' ? join(repo, page) : join(repo, dirname(page), file);
          if (!existsSync(target)) return true;
          return anchor !== undefined && target.endsWith('.md') && !anchors(target).has(anchor);
        });
      expect(broken).toEqual([]);
    });
  }
});
