// Every Mermaid diagram in the golden outputs parses with Mermaid's own parser (Mermaid 11,
// under jsdom), within Mermaid's limits: what `graph` and `diff -f markdown` write renders
// (issue 21, item 6).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../helpers/mermaid-parser.js';

const goldens = join(import.meta.dirname, '..', 'golden');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The diagrams of a golden file: the whole of a Mermaid output, the ```mermaid blocks of Markdown. */
function diagrams(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.mermaid.txt')) return [text];
  return [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

const found = files(goldens).flatMap((path) => diagrams(path).map((diagram, i) => [`${relative(goldens, path)}#${i + 1}`, diagram] as const));

describe('Mermaid in the golden outputs', () => {
  it('there are some: every graph format and the diff comment', () => {
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  it.each(found)('%s parses with Mermaid', async (_name, diagram) => {
    const parsed = await parseMermaid(diagram);
    expect(parsed.diagramType).toBe('flowchart-v2');
    expect(parsed.config).toEqual({});
  });
});
