// The quick canonical check says "canonical" only of a text the formatter leaves as it is: over
// the generated estate's files, near-canonical variants of them, hand-made files, backlog-shaped
// documents of random scalars and layouts, and fuzzed documents, fmt's verdict with the check
// equals the formatter's alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import type * as z from 'zod';
import { COLLECTION_NAMES, COLLECTIONS } from '../../schemas/collections.js';
import { formatYaml } from '../../src/edit/format-yaml.js';
import { fieldNames } from '../../src/load/check/schema-walk.js';
import { isSurelyCanonical } from '../../src/edit/surely-canonical.js';
import { generateDocument, randomFrom } from '../helpers/yaml-fuzz.js';
import { tempDir } from '../helpers/temp-dir.js';

/** What the formatter alone says: canonical, or not (it changes the text, or cannot format it). */
function formatterSays(text: string): boolean {
  try {
    return formatYaml(text) === text;
  } catch {
    return false;
  }
}

/** Each text the check calls canonical is one the formatter leaves as it is; how many it called so. */
function expectNoFalseCanonical(texts: readonly string[]): number {
  const wrong = texts.filter((text) => isSurelyCanonical(text) && !formatterSays(text));
  expect(wrong).toEqual([]);
  return texts.filter((text) => isSurelyCanonical(text)).length;
}

const estate = tempDir();
generateEstate('XS', estate);
const estateTexts = readdirSync(join(estate, 'workloads'))
  .sort()
  .map((name) => readFileSync(join(estate, 'workloads', name), 'utf8'));

const CANONICAL = [
  '# Reviewed with its owner.\n# Twice.\nworkloads:\n  - id: crm\n    name: "CRM, the old one"\n    owner: \'it@example.com\'\n    rank: 3\n    tags: [a, b]\n',
  'workloads:\n  - { id: crm, name: CRM 2, depends_on: [] }\n  - id: hr\nservers:\n  - { id: S1, workloads: [crm, "hr"], cores: 4, memory_gb: 8.5, ips: [10.0.0.1] }\n',
  'dependencies:\n  - { from: server:S1, to: server:S2, port: 443, protocol: tcp }\n',
];

/** Texts one step away from canonical ones: each is formatted by some rule, or by none. */
const NEAR_CANONICAL = [
  'workloads:\n  - name: CRM\n    id: crm\n', // key order
  'servers:\n  - id: S1\nworkloads:\n  - id: crm\n', // collection order
  'workloads:\n  - id: crm\n     name: CRM\n', // one space off
  'workloads:\n  - id: crm\n   name: CRM\n',
  'workloads:\n - id: crm\n',
  'workloads:\n- id: crm\n',
  'workloads:\n  -  id: crm\n',
  'workloads:\n  - id:  crm\n',
  'workloads:\n  - id: crm \n',
  'workloads:\n  - { id: crm, name: CRM}\n',
  'workloads:\n  - {id: crm, name: CRM }\n',
  'workloads:\n  - { id: crm,name: CRM }\n',
  'workloads:\n  - { name: CRM, id: crm }\n',
  'workloads:\n  - id: crm\n    tags: [ a, b ]\n',
  'workloads:\n  - id: crm\n    tags: [a,b]\n',
  'workloads:\n  - id: crm\n    tags: [a , b]\n',
  'workloads:\n  - id: crm\n    tags:\n      - a\n',
  'workloads:\n  - id: crm\n    tags:\n    - a\n',
  'workloads:\n  - id: crm\n    rank: 007\n',
  'workloads:\n  - id: crm\n    rank: +7\n',
  'workloads:\n  - id: crm\n    rank: 1e3\n',
  'workloads:\n  - id: crm\n    rank: 1.50\n',
  'workloads:\n  - id: crm\n    rank: 0x1F\n',
  'workloads:\n  - id: crm\n    active: True\n',
  'workloads:\n  - id: crm\n    name: ~\n',
  'workloads:\n  - id: crm\n    name:\n',
  'workloads:\n  - id: crm\n    name: "a\\u0041"\n',
  'workloads:\n  - id: crm\n    name: "a\\/b"\n',
  "workloads:\n  - id: crm\n    name: 'it''s'\n",
  'workloads:\n  - id: crm\n    name: >\n      CRM\n',
  'workloads:\n  - id: crm # the CRM\n',
  'workloads:\n  # the CRM\n  - id: crm\n',
  '#the CRM\nworkloads:\n  - id: crm\n',
  '# the CRM \nworkloads:\n  - id: crm\n',
  '# the CRM\n\nworkloads:\n  - id: crm\n',
  'workloads:\n  - id: crm\n\n  - id: hr\n',
  'workloads:\n  - id: crm\n\nservers:\n  - id: S1\n',
  'workloads:\n  - id: crm\n\n',
  'workloads:\n  - id: crm',
  '\nworkloads:\n  - id: crm\n',
  'workloads:\r\n  - id: crm\r\n',
  '\ufeffworkloads:\n  - id: crm\n',
  '---\nworkloads:\n  - id: crm\n',
  'workloads:\n  - id: crm\n...\n',
  'workloads:\n  - id: crm\n    name: Zürich\n',
  'workloads:\n  - id: crm\n    name: a: b\n',
  'workloads:\n  - id: crm\n    name: ends:\n',
  'workloads: []\n',
  'workloads:\n',
  'project:\n  name: Estate\n',
  'workloads:\n  - id: crm\n    x-team: sales\n',
  'workloads:\n  - id: crm\n    unknown: 1\n',
  'workloads:\n  - id: crm\n    id: hr\n',
  'workloads:\n  - id: crm\n    name: [a, b]\n    tags: {a: b}\n',
];

describe('isSurelyCanonical', () => {
  it('calls canonical the files of a generated estate that are, and no other', () => {
    const called = expectNoFalseCanonical(estateTexts);
    // Nearly every generated file is in the shape the check reads: the check is not vacuous.
    expect(called).toBeGreaterThan(estateTexts.length * 0.9);
  });

  it('calls canonical the hand-made canonical files', () => {
    for (const text of CANONICAL) {
      expect(formatterSays(text)).toBe(true);
      expect(isSurelyCanonical(text)).toBe(true);
    }
  });

  it('never calls canonical a near-canonical file the formatter changes', () => {
    expectNoFalseCanonical(NEAR_CANONICAL);
    expect(NEAR_CANONICAL.filter((text) => !formatterSays(text)).every((text) => !isSurelyCanonical(text))).toBe(true);
  });

  it('never calls canonical a file one random edit away from a generated one that the formatter changes', () => {
    const random = randomFrom(24);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const edits: Array<(text: string) => string> = [
      (text) => insertAt(text, Math.floor(random() * text.length), pick([' ', '  ', '\n', '-', ':', '"', "'", '#', '[', ']', '{', '}', ',', '\t', '\r', '~', '0', '.', '\ufeff', '# note\n', '\n\n'])),
      (text) => deleteAt(text, Math.floor(random() * text.length)),
      (text) => swapLines(text, Math.floor(random() * text.split('\n').length)),
      (text) => text.replace(pick([/\[(\w)/, /, /, /\{ /, / \}/, /: /, /\n {4}/, /\n {2}- /]), (found) => pick([`${found} `, found.trim(), `${found}${found}`])),
      (text) => text.replace(pick([/: ([\w. -]+)\n/, /: ([\w. -]+),/]), (found, value: string) => found.replace(value, pick([`"${value}"`, `'${value}'`, `${value}:`, `${value} # c`]))),
      (text) => `${text}${pick(['\n', ' ', '# end\n', '...\n'])}`,
      (text) => text.replaceAll('\n', '\r\n'),
    ];
    const variants = Array.from({ length: 1500 }, (_, index) => pick(edits)(estateTexts[index % estateTexts.length]!));
    expectNoFalseCanonical(variants);
  });

  it('never calls canonical a backlog-shaped document of random scalars, orders and layouts that the formatter changes', () => {
    const random = randomFrom(11);
    const texts = Array.from({ length: 3000 }, () => backlogShaped(random));
    const called = expectNoFalseCanonical(texts);
    expect(called).toBeGreaterThan(300);
  });

  it('never calls canonical a fuzzed document the formatter changes', () => {
    const random = randomFrom(7);
    const texts = Array.from({ length: 3000 }, () => generateDocument(random));
    expectNoFalseCanonical(texts);
  });
});

function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

function deleteAt(text: string, at: number): string {
  return text.slice(0, at) + text.slice(at + 1);
}

function swapLines(text: string, at: number): string {
  const lines = text.split('\n');
  if (at + 1 >= lines.length) return text;
  [lines[at], lines[at + 1]] = [lines[at + 1]!, lines[at]!];
  return lines.join('\n');
}

/** Scalars written as the formatter writes them. */
const USUAL_SCALARS = ['crm', 'Payroll 2', 'wave-1', 'true', 'false', '0', '12', '20.04', 'server:S1', 'owner1@example.com', '"q"', "'it''s'", '2027-01-31', 'yes', '1_000'];

/** Scalars as people write them: words, numbers in every form, quoted text with and without escapes. */
const SCALARS = [
  'crm', 'Payroll 2', 'wave-1', 'Tom & Jerry', 'x#y', 'a #b', 'yes', 'No', '~', 'null', 'True', 'true', 'false', '0', '00', '0012', '12', '-3', '+12', '1_000',
  '0x10', '0o17', '1e3', '1.', '.5', '1.50', '20.04', '3.14', '9007199254740993', '.inf', '2027-01-31', '12:30', 'a:b', 'a: b', 'ends:', 'server:S1',
  'owner1@example.com', '(x)', '/path', 'a=b', 'a  b', 'é→ü', '@home', '%pct', '!bang', '*star', '&amp', '- x', '-', '? q', '---x', '...x', '[x]', '{y}', 'a,b',
  '"q"', '""', "''", '"a, b"', '"it\'s"', '"x\\\\y"', '"\\u0041"', '"\\/"', '"a\\tb"', "'s'", "'it''s'", "' lead'", '" lead"', "'[x]'", '"Zürich"',
];

/** A document of collections of entities, each piece in or near the canonical layout. */
function backlogShaped(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const scalar = () => pick(chance(0.97) ? USUAL_SCALARS : SCALARS);
  const lines: string[] = [];
  if (chance(0.3)) lines.push(pick(['# a note', '#note', '# note ', '# a: b # c']));
  const names = [...COLLECTION_NAMES].filter(() => chance(0.3));
  if (chance(0.1)) names.reverse();
  if (names.length === 0) names.push('workloads');
  for (const name of names) {
    lines.push(chance(0.97) ? `${name}:` : `${name}: `);
    const known = fieldNames(COLLECTIONS[name].schema as z.ZodType);
    for (let item = 0; item < 1 + Math.floor(random() * 3); item++) {
      let fields = known.filter(() => chance(0.4));
      if (fields.length === 0) fields = [known[0]!];
      if (chance(0.05)) fields.reverse();
      if (chance(0.03)) fields.push(pick(['x-team', 'unknown', fields[0]!]));
      const values = fields.map((field) => [field, chance(0.2) ? `[${Array.from({ length: Math.floor(random() * 3) }, scalar).join(chance(0.95) ? ', ' : ',')}]` : scalar()] as const);
      if (chance(0.4)) {
        lines.push(`  - { ${values.map(([field, value]) => `${field}: ${value}`).join(', ')} }`);
      } else {
        values.forEach(([field, value], at) => lines.push(`${at === 0 ? '  - ' : '    '}${field}: ${value}`));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
