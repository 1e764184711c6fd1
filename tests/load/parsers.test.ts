// The fast parsers (the subset parser, then js-yaml) and the full parser (the yaml package) must
// never disagree on what a file means, and their locators must place a path on the same text.
// Checked on every fixture and on generated documents.
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { clampToLine } from '../../src/load/locate/index.js';
import { fastLocator } from '../../src/load/locate/fast-locator.js';
import { fullLocator } from '../../src/load/locate/full-locator.js';
import { parseFast } from '../../src/load/parse/fast.js';
import { parseFull } from '../../src/load/parse/full.js';
import type { PathSegment } from '../../src/load/types.js';
import { subsetAgreesWithFull } from '../helpers/subset-agreement.js';
import { yamlFiles } from '../helpers/yaml-files.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const examples = join(import.meta.dirname, '..', '..', 'examples');

/** Both parsers' values for a text the fast parser takes; undefined when it does not. */
function bothValues(text: string) {
  const fast = parseFast(text);
  if (!fast.ok) return undefined;
  const full = parseFull(text);
  return { fast: fast.values, full: full.documents.map((d) => (d.usable ? d.value : 'UNUSABLE')), problems: full.problems };
}

/** Every path to a node of a value, with whether it is a mapping key. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const found: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  return found;
}

function expectSamePlaces(text: string, values: unknown[]) {
  const fast = fastLocator(text);
  const full = fullLocator(text);
  values.forEach((value, doc) => {
    for (const path of paths(value)) {
      for (const target of ['key', 'value'] as const) {
        if (target === 'key' && typeof path.at(-1) !== 'string') continue;
        const a = fast({ doc, path, target });
        const b = full({ doc, path, target });
        const place = (range: typeof a) => range && { range: clampToLine(text, range), text: text.slice(...clampToLine(text, range)) };
        expect({ path, target, ...place(a) }).toEqual({ path, target, ...place(b) });
      }
    }
  });
}

describe('every fixture and example file', () => {
  const files = [...yamlFiles(fixtures), ...(statSync(examples, { throwIfNoEntry: false }) ? yamlFiles(examples) : [])];
  it.each(files.map((file) => [relative(join(import.meta.dirname, '..', '..'), file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    subsetAgreesWithFull(text);
    const both = bothValues(text);
    if (!both) return; // Only the full parser reads it: nothing to compare.
    expect(both.problems).toEqual([]);
    expect(both.fast).toEqual(both.full);
    expectSamePlaces(text, both.fast);
  });
});

// Keys and strings drawn from what backlogs hold, plus the scalars the two schemas could read differently.
const TRICKY_SCALARS = ['0o17', '0x1F', '0b101', '1_000', '+12', '-0', '012', '1e3', '1.', '.5', '.inf', '-.Inf', '.NaN', 'True', 'FALSE', 'yes', 'No', 'on', '~', 'null', 'Null', 'NULL', '2024-01-31', '2024-01-31T10:00:00Z', '12:30', '1:20:30', '0.1.2', 'e3', '-', '3.14'];
const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
const scalar = fc.oneof(
  fc.constantFrom(...TRICKY_SCALARS),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

describe('generated documents', () => {
  it('both parsers read the same values from YAML written by either library, block or flow', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), fc.constantFrom('yaml-block', 'yaml-flow', 'js-yaml'), (docs, writer) => {
        const text = docs
          .map((doc) =>
            writer === 'js-yaml'
              ? jsYaml.dump(doc, { schema: jsYaml.CORE_SCHEMA })
              : stringify(doc, { collectionStyle: writer === 'yaml-flow' ? 'flow' : 'block' }),
          )
          .join('---\n');
        subsetAgreesWithFull(text);
        const both = bothValues(text);
        if (!both) return;
        expect(both.fast).toEqual(both.full);
      }),
      { numRuns: 300 },
    );
  });

  it('both parsers read the same value from any plain scalar', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...TRICKY_SCALARS), fc.stringMatching(/^[-+.0-9a-fA-FxobeE_:~]{1,8}$/)), (text) => {
        subsetAgreesWithFull(`a: ${text}\nb: [${text}]\n`);
        subsetAgreesWithFull(`a: ${text}\n`);
        const both = bothValues(`a: ${text}\nb: [${text}]\n`);
        if (!both) return;
        expect(both.fast).toEqual(both.full);
      }),
      { numRuns: 500 },
    );
  });

  it('both locators place every key and value on the same text', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), fc.boolean(), (doc, flow) => {
        // Empty values (`key:`) are null too, and have no text of their own to point at.
        const text = stringify(doc, { collectionStyle: flow ? 'flow' : 'block' }).replace(/: null$/gm, ':');
        const both = bothValues(text);
        if (!both) return;
        expectSamePlaces(text, both.fast);
      }),
      { numRuns: 200 },
    );
  });
});
