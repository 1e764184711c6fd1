// docs/architecture.md names the functions that get a backlog: each must be one the code exports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');

it('names in docs/architecture.md › Names are exported from src/', () => {
  const page = readFileSync(join(repo, 'docs', 'architecture.md'), 'utf8');
  const section = /\n## Names\n([\s\S]*?)(\n## |$)/.exec(page)?.[1] ?? '';
  const names = [...section.matchAll(/^- `([A-Za-z]+)`/gm)].map((match) => match[1]!);
  expect(names.length).toBeGreaterThan(5);
  const sources = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => readFileSync(join(repo, 'src', path), 'utf8'))
    .join('\n');
  const missing = names.filter((name) => !new RegExp(`export (async )?(function\\*?|class|const|interface|type) ${name}\\b`).test(sources));
  expect(missing).toEqual([]);
});
