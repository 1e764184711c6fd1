// The quick canonical check says "canonical" only of a text the formatter leaves as it is: over
// the generated estate's files, near-canonical variants of them, hand-made files and fuzzed
// documents, fmt's verdict with the check equals the formatter's alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript module of the benchmark, without types.
import { generateEstate } from '../../bench/generate-estate.mjs';
import { formatYaml } from '../../src/edit/format-yaml.js';
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
generateEstate('S', estate);
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
