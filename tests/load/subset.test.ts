// The subset parser reads the plain YAML backlogs are written in, and gives up on the rest: what
// it reads must be exactly what the `yaml` package reads, on written-out cases, on documents
// written by both YAML libraries, and on random text built from YAML's own tokens (where most
// of what it could get wrong lies: indicators, quotes, comments, indentation).
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSubset } from '../../src/load/parse/subset.js';
import { subsetAgreesWithFull } from '../helpers/subset-agreement.js';

describe('what the subset reads', () => {
  it.each([
    ['a block mapping of scalars', 'id: crm\nrank: 1\nshare: 0.5\nlive: true\nnone: ~\nempty:\n', { id: 'crm', rank: 1, share: 0.5, live: true, none: null, empty: null }],
    ['nested mappings and comments', '# head\nproject:\n  # inside\n  name: Contoso # trailing\n\n  size: 10\n', { project: { name: 'Contoso', size: 10 } }],
    ['a sequence at its key’s indent', 'tags:\n- a\n- b\nnext: 1\n', { tags: ['a', 'b'], next: 1 }],
    ['mappings in a sequence', 'workloads:\n  - id: a\n    name: A\n  - id: b\n    depends_on:\n      - a\n', { workloads: [{ id: 'a', name: 'A' }, { id: 'b', depends_on: ['a'] }] }],
    ['flow collections', 'servers:\n  - { id: S1, ips: [10.0.0.1, 10.0.0.2], cores: 4, os: Windows Server 2019 }\n  - {}\n  - []\n', { servers: [{ id: 'S1', ips: ['10.0.0.1', '10.0.0.2'], cores: 4, os: 'Windows Server 2019' }, {}, []] }],
    ['typed references with a colon', 'x: [server:SRV1, external:SaaS]\nurl: http://a.b/c#d\n', { x: ['server:SRV1', 'external:SaaS'], url: 'http://a.b/c#d' }],
    ['quoted strings', `a: "x \\"y\\" \\\\ \\u00e9 # not a comment"\nb: 'it''s'\nc: "0042"\nd: ''\n`, { a: 'x "y" \\ é # not a comment', b: "it's", c: '0042', d: '' }],
    ['core schema scalars', 'a: 0o17\nb: 0x1F\nc: 012\nd: 1e3\ne: .inf\nf: -.Inf\ng: True\nh: yes\ni: 2024-01-31\nj: 1_000\n', { a: 15, b: 31, c: 12, d: 1000, e: Infinity, f: -Infinity, g: true, h: 'yes', i: '2024-01-31', j: '1_000' }],
    ['a null item and an item holding a mapping', 'a:\n  -\n  - # note\n    b: 1\n', { a: [null, { b: 1 }] }],
    ['plain scalars with inner indicators', 'a: -1\nb: Foo, Inc. [EU]\nc: a#b\nd: what? yes\n', { a: -1, b: 'Foo, Inc. [EU]', c: 'a#b', d: 'what? yes' }],
    ['anchor, alias and tag signs inside text', 'a: Tom & Jerry\nb: 2 * 3\nc: Hi! <<\nd: [x & y]\n', { a: 'Tom & Jerry', b: '2 * 3', c: 'Hi! <<', d: ['x & y'] }],
    ['an x- field deep in a list', 'servers:\n  - id: a\n    target: { sku: B2, x-note: [1] }\n', { servers: [{ id: 'a', target: { sku: 'B2', 'x-note': [1] } }] }],
    ['an x- field as a block key', 'workloads:\n  - id: a\n    x-cost: 10\n', { workloads: [{ id: 'a', 'x-cost': 10 }] }],
    ['CRLF line ends, an empty item among them', 'workloads:\r\n  - id: a\r\n    x-list:\r\n      -\r\n  - id: b # b\r\n', { workloads: [{ id: 'a', 'x-list': [null] }, { id: 'b' }] }],
    // Keys read at the same place of the mapping before are taken as they were: these differ.
    [
      'entities whose keys differ from the one before at the same place',
      'a:\n  - { id: 1, to: 2 }\n  - { ids: 1, t: 2 }\n  - { id: 1, top: 2, x-a: 3 }\n  - id: 1\n    to: 2\n  - to: 1\n    id: 2\n',
      { a: [{ id: 1, to: 2 }, { ids: 1, t: 2 }, { id: 1, top: 2, 'x-a': 3 }, { id: 1, to: 2 }, { to: 1, id: 2 }] },
    ],
  ])('%s', (_name, text, value) => {
    expect(parseSubset(text)?.value).toEqual(value);
    expect(subsetAgreesWithFull(text)).toBe(true);
  });
});

describe('where the subset gives up (the yaml package reads the file)', () => {
  it.each([
    ['a block scalar', 'a: >-\n  folded\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in flow', 'a: { b: 1, b: 2 }\n'],
    ['a duplicate key where the mapping before had other keys', 'a:\n  - b: 1\n    c: 2\n  - b: 1\n    b: 2\n'],
    ['a duplicate key where the mapping before had that key at that place', 'a:\n  - c: 1\n    b: 2\n  - b: 1\n    b: 2\n'],
    ['a known key without the space after its colon', 'a:\n  - x: 1\n    b: 2\n  - x: 1\n    b:c\n'],
    ['a known key without the space after its colon, in flow', 'a:\n  - { x: 1, b: 2 }\n  - { x: 1, b:c }\n'],
    ['a key YAML reads as another value, where the mapping before had a plain one', 'a:\n  - { b: 1 }\n  - { true: 1 }\n'],
    ['a tab', 'a:\tb\n'],
    ['a carriage return that ends no line', 'a: b\rc\n'],
    ['a byte-order mark', '\ufeffa: b\n'],
    ['quoted keys', '"a": b\n'],
    ['keys YAML reads as other values', 'true: 1\n'],
    ['a prototype key', '__proto__: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a top level that is not a mapping', '- a\n'],
    ['an empty document', '# only a comment\n'],
    ['a value that would be a key', 'a: b: c\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a pair in a flow sequence', 'a: [b: c]\n'],
    ['a flow key without a value', 'a: { b }\n'],
    ['an escape it does not read', 'a: "\\x41"\n'],
    ['a surrogate pair', 'a: "\ud83d\ude00"\n'],
    ['a compact nested sequence', 'a:\n  - - b\n'],
    ['a comment glued to a value', 'a: "b"#c\n'],
    ['a badly indented key', 'a:\n    b: 1\n  c: 2\n'],
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['a lone dash in a flow sequence', 'a: [-]\n'],
    ['a lone dash before a comma', 'a: [-, x]\n'],
    ['a lone question mark in flow', 'a: [?]\n'],
    ['a lone dash as a flow value', 'a: { b: - }\n'],
    ['a key longer than YAML allows', `${'k'.repeat(1025)}: 1\n`],
    ['an item key longer than YAML allows', `a:\n  - ${'k'.repeat(1025)}: 1\n`],
    ['block nesting 70 deep', Array.from({ length: 70 }, (_, depth) => `${'  '.repeat(depth)}a:\n`).join('')],
    ['flow nesting 70 deep', `a: ${'['.repeat(70)}${']'.repeat(70)}\n`],
  ])('%s', (_name, text) => {
    expect(parseSubset(text)).toBeUndefined();
  });
});

// Keys and scalars as backlogs hold them, and scalars the schemas or the grammar could read differently.
const key = fc.constantFrom('id', 'name', 'x-cmdb', 'a_b', 'v1.2', 'owner');
const scalar = fc.oneof(
  fc.constantFrom('0o17', '0x1F', '012', '1e3', '1.', '.5', '.inf', '-.Inf', '.NaN', 'True', 'FALSE', 'yes', '~', 'null', '', '-', '0042', 'a: b', 'a #b', '#', "it's", 'say "hi"', '[x]', '{y}', 'server:S1', 'é', '\\', ' lead', 'trail '),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
// Collections are not empty: both libraries write an empty one in block style on a line of its own, which the subset leaves.
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
})).node;
const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

describe('generated documents', () => {
  it('reads what either YAML library writes, block or flow, as the yaml package does', () => {
    let read = 0;
    fc.assert(
      fc.property(document, fc.constantFrom('yaml-block', 'js-yaml', 'js-yaml-flow-1', 'js-yaml-flow-2'), (doc, writer) => {
        const text = writer.startsWith('js-yaml')
          ? jsYaml.dump(doc, { schema: jsYaml.CORE_SCHEMA, flowLevel: writer === 'js-yaml' ? -1 : Number(writer.at(-1)) })
          : stringify(doc);
        if (subsetAgreesWithFull(text)) read++;
      }),
      { numRuns: 1000 },
    );
    // Not a test that passes by giving up: most such documents are in the subset.
    expect(read).toBeGreaterThan(400);
  });

  it('reads random text built from YAML tokens as the yaml package does, or gives up', () => {
    const word = fc.constantFrom('a', 'b c', 'id', 'x-y', '1', '-1', '0o7', '.5', '~', 'null', 'true', 'é', 'server:S1', 'a#b', '"q\\"x"', "'s''t'", '"\\u00e9"', '"\\n"', '[a, b]', '{ a: 1 }');
    const indicator = fc.constantFrom(
      ': ', ':', '- ', '-', ' ', '  ', ',', ', ', '[', ']', '{', '}', '"', "'", ' #c', '#', '?', '? ', '|', '>-', '&a', '*a', '!t', '%', '@', '`', '\\', '---', '...',
      '[-]', '[?, x]', '{ b: - }', '[:]', '-,', '?]',
    );
    const token = fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: indicator, weight: 1 });
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(token, { maxLength: 6 })).map(([indent, tokens]) => ' '.repeat(indent) + tokens.join(''));
    // Lines that start as keys and items, as real files do, so that many texts are YAML at all.
    const keyLine = fc.tuple(fc.constantFrom('', '  ', '    '), fc.constantFrom('a: ', 'b: ', 'a:', '- ', '- a: ', 'id: '), fc.array(token, { maxLength: 2 })).map(
      ([indent, head, tokens]) => indent + head + tokens.join(''),
    );
    let read = 0;
    fc.assert(
      fc.property(keyLine, fc.array(fc.oneof(keyLine, keyLine, keyLine, line), { maxLength: 5 }), (first, lines) => {
        if (subsetAgreesWithFull(`${[first.trimStart(), ...lines].join('\n')}\n`)) read++;
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(250);
  });
});
