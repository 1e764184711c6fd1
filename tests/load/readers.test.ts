// What a file means does not depend on which reader reads it, nor on its line ends: regressions
// of entities lost or misplaced after an empty item, and of keys read differently by two readers.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

const EMPTY_ITEM_THEN_ENTITY = 'workloads:\n  - id: a\n    name: A\n    owner: o\n    x-list:\n      -\n  - id: b\n    name: B\n    owner: o\n';

describe('entities after an empty list item', () => {
  it.each([
    ['LF', EMPTY_ITEM_THEN_ENTITY],
    ['CRLF', EMPTY_ITEM_THEN_ENTITY.replace(/\n/g, '\r\n')],
    ['CRLF with a block scalar elsewhere', `${EMPTY_ITEM_THEN_ENTITY}    notes: |\n      one\n`.replace(/\n/g, '\r\n')],
  ])('are all read, with %s line ends', async (_name, text) => {
    const root = tempDir({ 'backlog.yaml': text });
    const validated = await runCli(['validate', '--root', root, '-f', 'json', '--no-cache']);
    expect(JSON.parse(validated.stdout).summary).toMatchObject({ entities: 2, errors: 0 });
    const shown = await runCli(['show', 'a', '-f', 'json', '--root', root, '--no-cache']);
    expect(JSON.parse(shown.stdout).fields['x-list']).toEqual([null]);
    expect((await runCli(['show', 'b', '--root', root, '--no-cache'])).code).toBe(0);
  });

  it('leave the findings after them on their own lines', async () => {
    const text = 'workloads:\n  - id: a\n    name: A\n    owner: o\n    x-l:\n      -\n  - id: b\n    name: B\n    bogus: 1\n  - id: c\n    name: C\n    owner: o\n    priority: urgent\n';
    for (const ends of ['\n', '\r\n']) {
      const result = await validateDir(tempDir({ 'backlog.yaml': text.replace(/\n/g, ends) }));
      expect(result.diagnostics.map(brief)).toEqual(['MISSING_OWNER backlog.yaml:7:9', 'UNKNOWN_FIELD backlog.yaml:9:5', 'INVALID_VALUE backlog.yaml:13:15']);
    }
  });
});

describe('keys and values, whichever reader reads the file', () => {
  // An anchor elsewhere in the file sends it to the other reader.
  const withAnchor = (text: string) => `${text}    x-anchored: &a 1\n`;

  it('keys that look like numbers or null are their text', async () => {
    const text = 'workloads:\n  - id: a\n    name: A\n    owner: o\n    x-map: {0x10: b, 010: c, ~: d}\n';
    for (const written of [text, withAnchor(text)]) {
      const shown = await runCli(['show', 'a', '-f', 'json', '--root', tempDir({ 'backlog.yaml': written }), '--no-cache']);
      expect(JSON.parse(shown.stdout).fields['x-map']).toEqual({ '0x10': 'b', '010': 'c', '~': 'd' });
    }
  });

  it('a key written quoted and plain is written twice', async () => {
    const text = 'workloads:\n  - id: a\n    name: A\n    owner: o\n    x-map: {"0x10": a, 0x10: b}\n';
    for (const written of [text, withAnchor(text)]) {
      const result = await validateDir(tempDir({ 'backlog.yaml': written }));
      expect(result.diagnostics.map(brief)).toEqual(['DUPLICATE_KEY backlog.yaml:5:24']);
    }
  });

  it('a kept block scalar at the end of a file without a final newline keeps what YAML keeps', async () => {
    const text = 'workloads:\n  - id: a\n    name: A\n    owner: o\n    notes: |+\n      text\n      ';
    for (const written of [text, `workloads:\n  - id: z\n    name: &z Z\n    owner: o\n${text.slice('workloads:\n'.length)}`]) {
      const shown = await runCli(['show', 'a', '-f', 'json', '--root', tempDir({ 'backlog.yaml': written }), '--no-cache']);
      expect(JSON.parse(shown.stdout).fields.notes).toBe('text\n');
    }
  });
});

describe('aliases', () => {
  const withAliases = (count: number) => `workloads:\n  - id: a\n    name: &n A\n    owner: o\n    x-l: [${Array(count).fill('*n').join(', ')}]\n`;

  it('reads 100 aliases in a document', async () => {
    expect((await validateDir(tempDir({ 'backlog.yaml': withAliases(100) }))).diagnostics).toEqual([]);
  });

  it('refuses the 101st', async () => {
    expect((await validateDir(tempDir({ 'backlog.yaml': withAliases(101) }))).diagnostics.map((d) => d.code)).toEqual(['UNSUPPORTED_YAML']);
  });
});
