// Hostile input that is large or deep: every case is a finding with a place, never a crash or a
// hang (tests/load/hostile.test.ts has the rest of the hostile input, large-files.test.ts files
// too large for the full parser).
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/load/parse/parse-text.js';
import { brief, findingsOf as findings, OK_WORKLOAD } from '../helpers/validate-dir.js';

/** Past the size the full parser reads (parse-text.ts) and the one a thread reads (shared-reading.ts), both 4 MiB. */
const LARGE = 5 * 1024 * 1024;

describe('resource exhaustion', () => {
  it('refuses an alias bomb without expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const result = await findings({ 'backlog.yaml': `workloads:\n  - id: x\n    name: X\n    owner: Ana\n    x-bomb:\n${levels.map((l) => `      ${l}`).join('\n')}\n` });
    expect(result.map((d) => d.code)).toEqual(['UNSUPPORTED_YAML']);
  });

  it('refuses more than 100 aliases in a document, at the 101st', async () => {
    const aliases = Array.from({ length: 101 }, () => '*t').join(', ');
    const result = await findings({ 'backlog.yaml': `workloads:\n  - { id: x, name: X, owner: &t Ana, tags: [${aliases}] }\n` });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ code: 'UNSUPPORTED_YAML', line: 2, column: 45 + 4 * 100 });
  });

  it('refuses 10,000-deep flow nesting', async () => {
    const result = await findings({ 'backlog.yaml': `${OK_WORKLOAD}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` });
    expect(result.map((d) => d.code)).toContain('UNSUPPORTED_YAML');
    expect(result.every((d) => d.line !== undefined)).toBe(true);
  });

  it('refuses 10,000-deep block nesting, in a 50 MB file', async () => {
    // One space a level: the file is 50 MB, so this is also SPEC §7's 50 MB file (read by the fast reader).
    const lines = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`);
    const result = await findings({ 'deep.yaml': `${lines.join('\n')}\n`, 'backlog.yaml': OK_WORKLOAD });
    expect(result.map((d) => d.code)).toEqual(['UNSUPPORTED_YAML']);
    expect(result[0]!.file).toBe('deep.yaml');
  });

  it('refuses block nesting thousands deep in a file the full parser reads', async () => {
    // As deep as a file the full parser still reads can be (one space a level): that parser
    // must give up; a deeper file is the fast reader's alone (large-files.test.ts).
    const lines = Array.from({ length: 2_800 }, (_, i) => `${' '.repeat(i)}k:`);
    expect(parseText(lines.join('\n')).parser).toBe('full');
    const result = await findings({ 'deep.yaml': `${lines.join('\n')}\n`, 'backlog.yaml': OK_WORKLOAD });
    expect(result.map((d) => d.code)).toEqual(['UNSUPPORTED_YAML']);
    expect(result[0]!.file).toBe('deep.yaml');
  });

  it('refuses nesting deeper than 64 levels that the parser can read', async () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}`;
    const result = await findings({ 'backlog.yaml': `workloads:\n  - { id: x, name: X, owner: Ana, x-deep: ${deep} }\n` });
    expect(result.map((d) => `${d.code} ${d.line}`)).toEqual(['UNSUPPORTED_YAML 2']);
    expect(result[0]!.message).toBe('nesting deeper than 64 levels');
  });

  it('reads a file too large for the full parser', async () => {
    const text = `workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    notes: ${'x'.repeat(LARGE)}\n`;
    expect(parseText(text).parser).toBe('fast');
    const result = await findings({ 'backlog.yaml': text });
    expect(result).toEqual([]);
  });

  it('reports an error in a file too large for the full parser without that parser', async () => {
    const text = `workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    notes: ${'x'.repeat(LARGE)}\n    owner: Ben\n`;
    expect(parseText(text).parser).toBe('fast');
    const result = await findings({ 'backlog.yaml': text });
    expect(result.map(brief)).toEqual(['DUPLICATE_KEY backlog.yaml:6:5']);
  });
});
