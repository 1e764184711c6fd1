// docs/reference.md is written by hand and held to the code here: every field of every
// collection (from the JSON Schema the zod schemas give), its enumeration's values, whether it
// is required and its default; every finding code with its default severity and whether
// `project.rules` can change it; every value of the vocabulary. And the other way: no field or
// code on a page that the code does not have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADJUSTABLE_CODES, DIAGNOSTIC_CODES } from '../schemas/diagnostic-codes.js';
import { backlogJsonSchema } from '../schemas/json-schema.js';
import * as vocabulary from '../schemas/vocabulary.js';
import { CODES } from '../src/validate/codes.js';

const repo = join(import.meta.dirname, '..');
const reference = readFileSync(join(repo, 'docs', 'reference.md'), 'utf8');

type Node = Record<string, unknown>;

interface Field {
  path: string;
  required: boolean;
  values: string[];
  fallback: unknown;
}

/** A field's own schema: the null an empty field may be left out, references followed. */
function own(node: Node, definitions: Record<string, Node>): Node {
  let current = node;
  for (;;) {
    if (typeof current.$ref === 'string') current = definitions[current.$ref.split('/').pop()!]!;
    else if (Array.isArray(current.anyOf) && current.anyOf.length === 2 && (current.anyOf[1] as Node).type === 'null') current = current.anyOf[0] as Node;
    else return current;
  }
}

/**
 * The fields of a mapping, nested ones by their path: `target.region`, a list's items
 * `metrics[].id`, a mapping keyed by any name `imports.<source>.sheet` (written `*` here).
 */
function fieldsOf(node: Node, definitions: Record<string, Node>, prefix = ''): Field[] {
  const required = new Set((node.required as string[] | undefined) ?? []);
  const fields: Field[] = [];
  for (const [name, written] of Object.entries((node.properties ?? {}) as Record<string, Node>)) {
    const schema = own(written, definitions);
    const path = prefix + name;
    const values = [...((schema.enum as string[] | undefined) ?? []), ...((own((schema.additionalProperties ?? {}) as Node, definitions).enum as string[] | undefined) ?? [])];
    fields.push({ path, required: required.has(name), values, fallback: written.default ?? schema.default });
    const items = schema.items ? own(schema.items as Node, definitions) : undefined;
    const each = typeof schema.additionalProperties === 'object' ? own(schema.additionalProperties as Node, definitions) : undefined;
    if (schema.properties) fields.push(...fieldsOf(schema, definitions, `${path}.`));
    if (items?.properties) fields.push(...fieldsOf(items, definitions, `${path}[].`));
    if (each?.properties) fields.push(...fieldsOf(each, definitions, `${path}.*.`));
  }
  return fields;
}

/** The page's sections by heading: the text under `## heading` up to the next one. */
function sections(page: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of page.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'));
    found.set(heading.replaceAll('`', ''), part);
  }
  return found;
}

/** A table's rows by the backticked name in their first cell. */
function rows(section: string): Map<string, string> {
  return new Map([...section.matchAll(/^\| `([^`]+)` \|(.*)$/gm)].map((match) => [match[1]!.replace(/<[^>]+>/g, '*'), match[2]!]));
}

const schema = backlogJsonSchema() as Node;
const definitions = ((schema.definitions ?? schema.$defs ?? {}) as Record<string, Node>);
const collections = Object.entries(schema.properties as Record<string, Node>).map(([name, node]) => {
  const entity = own((node.items ?? node) as Node, definitions);
  return { name, fields: fieldsOf(entity, definitions) };
});
const bySection = sections(reference);

describe('docs/reference.md', () => {
  it('has a section for every collection and for project, and no other collection', () => {
    const documented = [...bySection.keys()].filter((heading) => /^[a-z]+$/.test(heading));
    expect(documented).toEqual(collections.map((collection) => collection.name));
  });

  for (const { name, fields } of collections) {
    it(`lists every field of ${name}, its values, whether it is required and its default; and no field it does not have`, () => {
      const table = rows(bySection.get(name) ?? '');
      expect([...table.keys()]).toEqual(fields.map((field) => field.path));
      for (const field of fields) {
        const row = table.get(field.path)!;
        for (const value of field.values) expect(row, `${name}: ${field.path}`).toContain(`\`${value}\``);
        expect(row.includes('**required**'), `${name}: ${field.path} required`).toBe(field.required);
        if (field.fallback !== undefined) expect(row, `${name}: ${field.path}`).toContain(`default \`${String(field.fallback)}\``);
        else expect(row, `${name}: ${field.path}`).not.toContain('default `');
      }
    });
  }

  it('lists every finding code with its default severity and whether project.rules can change it', () => {
    const table = rows(bySection.get('Finding codes') ?? '');
    expect([...table.keys()]).toEqual([...DIAGNOSTIC_CODES]);
    for (const code of DIAGNOSTIC_CODES) {
      const [severity, adjustable] = table.get(code)!.split('|').map((cell) => cell.trim());
      expect(severity, code).toBe(CODES[code].severity);
      expect(adjustable, code).toBe((ADJUSTABLE_CODES as readonly string[]).includes(code) ? 'yes' : 'no');
    }
  });

  it('names every value of the vocabulary', () => {
    const lists = Object.entries(vocabulary as Record<string, unknown>).filter((entry): entry is [string, readonly string[]] => Array.isArray(entry[1]));
    expect(lists.length).toBeGreaterThan(5);
    for (const [list, values] of lists) for (const value of values) expect(reference, `${list}: ${value}`).toContain(`\`${value}`);
  });
});

describe('the README and docs/', () => {
  // A name in capitals with an underscore is a finding code, an environment variable or a
  // constant of the code: whichever it is, it must exist.
  const pages = ['README.md', ...readdirSync(join(repo, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const sources = ['src', 'schemas']
    .flatMap((folder) => readdirSync(join(repo, folder), { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts')).map((path) => join(repo, folder, path)))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

  for (const page of pages) {
    it(`${page} names only finding codes, environment variables and constants there are`, () => {
      const text = readFileSync(join(repo, page), 'utf8');
      const names = new Set([...text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g)].map((match) => match[1]!));
      const unknown = [...names].filter((name) => !(DIAGNOSTIC_CODES as readonly string[]).includes(name) && !sources.includes(name));
      expect(unknown).toEqual([]);
    });
  }
});
