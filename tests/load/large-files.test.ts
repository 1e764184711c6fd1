// A file too large for the full parser is read by the fast reader alone: its findings still
// have their places, and what only the full parser reads is said to be unread.
import { describe, expect, it } from 'vitest';
import { brief, findingsOf as findings } from '../helpers/validate-dir.js';

describe('files too large for the full parser', () => {
  // Few workloads with long notes: past the full parser's size, with few entities to check.
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `  - { id: w${i}, name: W, owner: O, notes: ${'x'.repeat(2200)} }`).join('\n');

  it('reads the rest of a file with a repeated key, and places its other findings', async () => {
    const text = `workloads:\n${filler(2_000)}\n  - id: last\n    name: L\n    name: M\n`;
    expect(text.length).toBeGreaterThan(4 * 1024 * 1024);
    const result = await findings({ 'backlog.yaml': text });
    expect(result.map(brief)).toEqual([`MISSING_OWNER backlog.yaml:2002:9`, `DUPLICATE_KEY backlog.yaml:2004:5`]);
    expect(result[1]!.message).toBe('the key `name` appears twice in this mapping');
  });

  it('says that anchors are not read in a file that large', async () => {
    const text = `workloads:\n${filler(2_000)}\n  - &x { id: last, name: L, owner: O }\n`;
    const result = await findings({ 'backlog.yaml': text });
    expect(result.map((d) => d.code)).toEqual(['UNSUPPORTED_YAML']);
    expect(result[0]!.hint).toContain('split the file');
  });
});
