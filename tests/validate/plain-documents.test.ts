// A document the subset parser vouches for (`plain`: no `x-` field, no nesting too deep) is
// checked without the walks that look for those: the check must come out the same as with them.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/parse/parse-text.js';
import type { ParsedDocument } from '../../src/load/types.js';
import { checkFile } from '../../src/load/check/check-file.js';
import { yamlFiles } from '../helpers/yaml-files.js';

const repo = join(import.meta.dirname, '..', '..');

/** The check of a file as parsed, and as it would be if no parser vouched for anything. */
function bothChecks(path: string, text: string) {
  const { documents } = parseText(text);
  const unvouched = documents.map(({ plain: _plain, ...document }): ParsedDocument => document);
  return { documents, vouched: checkFile({ path, documents }), unvouched: checkFile({ path, documents: unvouched }) };
}

describe('documents the subset parser vouches for', () => {
  it('are checked exactly as any other, on every fixture and example', () => {
    let plain = 0;
    for (const file of [join(repo, 'tests', 'fixtures'), join(repo, 'examples')].flatMap((dir) => yamlFiles(dir))) {
      const path = relative(repo, file);
      const { documents, vouched, unvouched } = bothChecks(path, readFileSync(file, 'utf8'));
      expect(vouched, path).toEqual(unvouched);
      plain += documents.filter((document) => document.plain).length;
    }
    // Most fixtures are in the subset: the comparison is not empty.
    expect(plain).toBeGreaterThan(30);
  });

  it.each([
    ['an x- field on an entity', 'workloads:\n  - id: a\n    name: A\n    owner: Ana\n    x-cost: 10\n'],
    ['an x- field deep inside one', 'servers:\n  - id: s\n    workloads: [a]\n    target: { sku: B2, x-note: [1] }\n'],
    ['an x- collection at the top', 'x-notes: [a]\nworkloads: []\n'],
  ])('are not vouched for with %s, and keep it as written', (_name, text) => {
    const { documents, vouched, unvouched } = bothChecks('backlog.yaml', text);
    expect(documents.map((document) => document.plain)).toEqual([undefined]);
    expect(vouched).toEqual(unvouched);
  });

  it('are vouched for without one, however deep the values within the subset', () => {
    const deep = `workloads:\n  - id: a\n    name: A\n    owner: Ana\n    notes: ${'['.repeat(60)}${']'.repeat(60)}\n`;
    const { documents, vouched, unvouched } = bothChecks('backlog.yaml', deep);
    expect(documents.map((document) => document.plain)).toEqual([true]);
    expect(vouched).toEqual(unvouched);
  });
});
