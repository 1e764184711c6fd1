// Property tests: any valid backlog validates clean, however it is split into files and
// written; and no edit of a valid file, however random, crashes the tool.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/load/read-source-file.js';
import type { SourceFile } from '../../src/load/types.js';
import { validate } from '../../src/validate/validate.js';
import { DIAGNOSTIC_CODES } from '../../schemas/diagnostic-codes.js';
import { generatedYaml } from '../helpers/generated-yaml.js';

const AS_OF = '2026-06-01';
const STRATEGIES = ['rehost', 'replatform', 'refactor', 'rearchitect', 'rebuild', 'replace'] as const;

interface GeneratedBacklog {
  collections: Record<string, Array<Record<string, unknown>>>;
}

/**
 * A backlog that satisfies every rule by construction: dependencies only point at workloads
 * earlier in the list and in the same or an earlier wave (so no cycles, no wave-order
 * problems), every server belongs to a workload, owners and rationales are set.
 */
const validBacklog: fc.Arbitrary<GeneratedBacklog> = fc
  .record({
    waveCount: fc.integer({ min: 0, max: 4 }),
    workloads: fc.array(
      fc.record({
        wave: fc.nat(),
        scheduled: fc.boolean(),
        strategy: fc.constantFrom(...STRATEGIES),
        priority: fc.option(fc.constantFrom('high', 'medium', 'low'), { nil: undefined }),
        dependsOn: fc.array(fc.nat(), { maxLength: 3 }),
        servers: fc.integer({ min: 0, max: 3 }),
        name: fc.string({ minLength: 1, maxLength: 20 }),
        extension: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    priorities: fc.integer({ min: 0, max: 3 }),
    caseOfReferences: fc.constantFrom('same', 'upper'),
  })
  .map(({ waveCount, workloads, priorities, caseOfReferences }) => {
    const ref = (id: string) => (caseOfReferences === 'upper' ? id.toUpperCase() : id);
    const waveOf = workloads.map((w) => (waveCount > 0 && w.scheduled ? w.wave % waveCount : undefined));
    const collections: GeneratedBacklog['collections'] = {
      waves: Array.from({ length: waveCount }, (_, i) => ({ id: `wave-${i + 1}`, order: i + 1 })),
      priorities: Array.from({ length: priorities }, (_, i) => ({ id: `p${i}`, title: `Priority ${i}`, rank: i + 1, rationale: 'Because.' })),
      workloads: [],
      servers: [],
    };
    workloads.forEach((w, i) => {
      const myWave = waveOf[i];
      // Earlier workloads in the same or an earlier wave; unscheduled ones only on unscheduled ones.
      const targets = [...new Set(w.dependsOn.filter(() => i > 0).map((n) => n % i))].filter((j) => {
        const theirs = waveOf[j];
        return myWave === undefined ? true : theirs !== undefined && theirs <= myWave;
      });
      const workload: Record<string, unknown> = { id: `wl-${i}`, name: w.name, owner: 'Ana', strategy: w.strategy };
      if (myWave !== undefined) workload.wave = ref(`wave-${myWave + 1}`);
      if (w.priority) workload.priority = w.priority;
      if (priorities > 0) workload.drivers = [ref(`p${i % priorities}`)];
      if (targets.length > 0) workload.depends_on = targets.map((j) => ref(`wl-${j}`));
      if (w.extension !== undefined) workload['x-custom'] = w.extension;
      collections.workloads!.push(workload);
      for (let s = 0; s < w.servers; s++) collections.servers!.push({ id: `SRV-${i}-${s}`, workloads: [ref(`wl-${i}`)], cores: 2 });
    });
    return { collections };
  });

/** A value as YAML text, block or flow style. */
function yamlText(value: unknown, flow: boolean): string {
  return generatedYaml(value, { collectionStyle: flow ? 'flow' : 'block' });
}

/** The same backlog as files: one file, or spread over several, block or flow style. */
function toFiles(backlog: GeneratedBacklog, split: boolean, flow: boolean): SourceFile[] {
  const write = (value: unknown) => yamlText(value, flow);
  if (!split) return [readSourceFile('backlog.yaml', Buffer.from(write(backlog.collections)))];
  const files: SourceFile[] = [readSourceFile('backlog.yaml', Buffer.from(''))];
  for (const [name, items] of Object.entries(backlog.collections)) {
    items.forEach((item, i) => files.push(readSourceFile(`${name}/${i}.yaml`, Buffer.from(write({ [name]: [item] })))));
  }
  return files;
}

describe('valid backlogs', () => {
  it('validate clean, whatever their layout', () => {
    fc.assert(
      fc.property(validBacklog, fc.boolean(), fc.boolean(), (backlog, split, flow) => {
        const result = validate(toFiles(backlog, split, flow), { asOf: AS_OF });
        expect(result.diagnostics).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

// Edits a person (or a bad merge) could make: characters that matter to YAML, lines moved,
// duplicated, re-indented or cut short.
const SPECIAL = ['-', ':', ' ', '\n', '\t', '#', '[', ']', '{', '}', ',', '"', "'", '&', '*', '!', '|', '>', '<<', '%', '@', '`', '?', '\u0000', '\uFEFF', 'é', '0012', 'null', '~'];
const edit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : e.at % lines.length;
  switch (e.kind) {
    case 'insert':
      return text.slice(0, at) + e.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + e.length);
    case 'duplicate-line':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'swap-lines': {
      const other = e.with % lines.length;
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = e.by >= 0 ? ' '.repeat(e.by) + lines[line] : (lines[line] ?? '').slice(-e.by);
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('random edits of valid files', () => {
  it('never crash, and every finding has a known code and a place inside its file', () => {
    fc.assert(
      fc.property(validBacklog, fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 6 }), (backlog, flow, edits) => {
        // The text of `toFiles(backlog, false, flow)`, without reading the file before its edits.
        const text = edits.reduce(applyEdit, yamlText(backlog.collections, flow));
        const edited = readSourceFile('backlog.yaml', Buffer.from(text));
        const result = validate([edited], { asOf: AS_OF });
        const lineCount = text.split('\n').length;
        for (const d of result.diagnostics) {
          expect(DIAGNOSTIC_CODES).toContain(d.code);
          expect(d.file).toBe('backlog.yaml');
          if (d.line !== undefined) {
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.line).toBeLessThanOrEqual(lineCount);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
