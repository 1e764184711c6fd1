// The readers never disagree: on generated documents of every shape, what the tool reads is
// what the `yaml` package reads, value for value and place for place (tests/helpers/
// reader-agreement.ts). A few thousand documents here; `npm run fuzz` reads 200,000.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compareReaders } from '../helpers/reader-agreement.js';
import { yamlFiles } from '../helpers/yaml-files.js';
import { generateDocument, randomFrom } from '../helpers/yaml-fuzz.js';

const repo = join(import.meta.dirname, '..', '..');

const DOCUMENTS = Number(process.env.FUZZ_DOCUMENTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

describe('the readers, on generated documents', () => {
  it(`agree on ${DOCUMENTS} documents (seed ${SEED})`, () => {
    const random = randomFrom(SEED);
    const counts = { documents: 0, fastReader: 0, lastKeyWins: 0, disagreements: 0 };
    const found: string[] = [];
    for (let n = 0; n < DOCUMENTS; n++) {
      const text = generateDocument(random);
      const { reader, lenient, disagreements } = compareReaders(text);
      counts.documents++;
      if (reader === 'fast') counts.fastReader++;
      if (lenient) counts.lastKeyWins++;
      if (disagreements.length > 0) {
        counts.disagreements++;
        if (found.length < 5) found.push(`document ${n}: ${JSON.stringify(text)}\n  ${disagreements.join('\n  ')}`);
      }
    }
    if (process.env.FUZZ_DOCUMENTS) process.stdout.write(`${JSON.stringify(counts)}\n`);
    expect(found).toEqual([]);
    // The generator is worth its time only if both readers get a fair share of the documents.
    expect(counts.fastReader).toBeGreaterThan(DOCUMENTS / 5);
    expect(counts.documents - counts.fastReader).toBeGreaterThan(DOCUMENTS / 5);
    // A hang guard that grows with the number of documents asked for.
  }, Math.max(120_000, DOCUMENTS * 20));
});

describe('the readers, on every fixture and example file', () => {
  const files = [...yamlFiles(join(repo, 'tests', 'fixtures')), ...yamlFiles(join(repo, 'examples'))];
  it.each(files.map((file) => [relative(repo, file), file]))('%s', (_name, file) => {
    expect(compareReaders(readFileSync(file, 'utf8')).disagreements).toEqual([]);
  });
});

// Values of every kind, written out by the `yaml` package in block and in flow style.
const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

describe('the readers, on what the yaml package writes', () => {
  it('agree whatever the values and the style', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), fc.boolean(), fc.boolean(), (doc, flow, crlf) => {
        const text = stringify(doc, { collectionStyle: flow ? 'flow' : 'block' });
        expect(compareReaders(crlf ? text.replace(/\n/g, '\r\n') : text).disagreements).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
