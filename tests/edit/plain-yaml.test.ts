// The direct writer of appended entities gives exactly the text of the `yaml` package's
// document model, or gives up: every entity of examples/contoso, and scalars that need quoting
// in block or flow context.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { PlainYaml } from '../../src/edit/plain-yaml.js';
import { documentYaml } from '../../src/edit/text-edits.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? yamlFiles(join(dir, name)) : name.endsWith('.yaml') ? [join(dir, name)] : []));
}

const TRICKY = ['yes', 'No', 'null', '~', '0012', '1e3', '12:30', 'a: b', 'x #y', '#c', '- a', '@x', '`x', '"q"', "'q'", '', ' lead', 'trail ', '[x]', '{x}', 'é → ü', 'fe80::1', '2027-01-01', 'true', '.inf', '0x1F', '+1', '-1', '*a', '&a', '!t', '%p', '|', '>', '?x', 'a:b', 'C:\\dir', '=HYPERLINK("x")'];

describe('PlainYaml', () => {
  it('writes every entity of examples/contoso as the yaml package does, or gives up', () => {
    let written = 0;
    for (const file of yamlFiles(CONTOSO)) {
      for (const document of parseAllDocuments(readFileSync(file, 'utf8')) as Array<{ toJS(): Record<string, unknown> }>) {
        for (const [collection, items] of Object.entries(document.toJS() ?? {})) {
          if (!Array.isArray(items)) continue;
          for (const value of [{ [collection]: items }, ...items.map((item) => [item])]) {
            const plain = new PlainYaml().write(value);
            if (plain !== undefined) {
              expect(plain).toBe(documentYaml(value));
              written += 1;
            }
          }
        }
      }
    }
    expect(written).toBeGreaterThan(200);
  });

  it('quotes scalars as the yaml package does, in a field and in a list; gives up on text over lines and flow indicators in lists', () => {
    for (const text of TRICKY) {
      for (const value of [{ servers: [{ id: 'S1', notes: text }] }, { servers: [{ id: 'S1', tags: [text, 'b'] }] }, { servers: [{ id: 'S1', target: { region: text } }] }, [{ id: 'S1', x: 1.5, y: false, z: [1, 2] }]]) {
        const plain = new PlainYaml().write(value);
        if (plain !== undefined) expect(plain).toBe(documentYaml(value));
      }
    }
    expect(new PlainYaml().write({ servers: [{ id: 'S1', notes: 'two\nlines' }] })).toBeUndefined();
    expect(new PlainYaml().write({ servers: [{ id: 'S1', tags: ['a,b'] }] })).toBeUndefined();
    expect(new PlainYaml().write({ servers: [{ id: 'S1', 'odd key': 1 }] })).toBeUndefined();
    expect(new PlainYaml().write({ servers: [{ id: 'S1', tags: ['a', 'b'] }] })).toBe('servers:\n  - id: S1\n    tags: [a, b]\n');
  });
});
