// One fixture per finding code: each asserts the exact findings (code, file, line, column) of a
// tiny backlog named for what it triggers, and nothing else.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../schemas/diagnostic-codes.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);

const EXPECTED: Record<string, string[]> = {
  'yaml-syntax': ['YAML_SYNTAX backlog.yaml:3:11'],
  'merge-conflict': ['MERGE_CONFLICT backlog.yaml:3:1', 'MERGE_CONFLICT backlog.yaml:5:1', 'MERGE_CONFLICT backlog.yaml:7:1'],
  'duplicate-key': ['DUPLICATE_KEY backlog.yaml:5:5'],
  'unsupported-yaml': ['UNSUPPORTED_YAML backlog.yaml:6:5', 'UNSUPPORTED_YAML tags.yaml:4:12'],
  'unknown-collection': ['UNKNOWN_COLLECTION backlog.yaml:1:1'],
  'unknown-field': ['UNKNOWN_FIELD backlog.yaml:5:5'],
  'missing-field': ['MISSING_FIELD backlog.yaml:2:5', 'MISSING_FIELD backlog.yaml:5:5'],
  'invalid-value': [
    'INVALID_VALUE backlog.yaml:5:15',
    'INVALID_VALUE backlog.yaml:6:16',
    'INVALID_VALUE backlog.yaml:7:12',
    'INVALID_VALUE backlog.yaml:8:9',
    'INVALID_VALUE backlog.yaml:11:10',
  ],
  'duplicate-id': ['DUPLICATE_ID servers/more.yaml:2:9'],
  // Dependencies too: an unknown end written without errors (13, 14) or in an entity with one (17); not an external one (15).
  'unknown-reference': [
    'UNKNOWN_REFERENCE backlog.yaml:8:18',
    'UNKNOWN_REFERENCE backlog.yaml:8:26',
    'UNKNOWN_REFERENCE backlog.yaml:13:31',
    'UNKNOWN_REFERENCE backlog.yaml:14:13',
    'UNKNOWN_REFERENCE backlog.yaml:17:22',
    'INVALID_VALUE backlog.yaml:17:42',
  ],
  'duplicate-rank': ['DUPLICATE_RANK backlog.yaml:8:11', 'DUPLICATE_RANK backlog.yaml:12:26'],
  'split-move-group': ['SPLIT_MOVE_GROUP backlog.yaml:7:71'],
  'wave-order': ['WAVE_ORDER backlog.yaml:9:11', 'WAVE_ORDER backlog.yaml:9:11'],
  'wave-capacity': ['WAVE_CAPACITY backlog.yaml:5:42', 'WAVE_CAPACITY backlog.yaml:6:11'],
  'unrationalized-in-wave': ['UNRATIONALIZED_IN_WAVE backlog.yaml:4:49', 'UNRATIONALIZED_IN_WAVE backlog.yaml:5:45'],
  'orphan-server': ['ORPHAN_SERVER backlog.yaml:5:9'],
  'missing-owner': ['MISSING_OWNER backlog.yaml:2:9'],
  'missing-rationale': ['MISSING_RATIONALE backlog.yaml:2:9'],
  'invalidated-assumption': ['INVALIDATED_ASSUMPTION backlog.yaml:11:29', 'INVALIDATED_ASSUMPTION backlog.yaml:12:53'],
  'stale-assumption': ['STALE_ASSUMPTION backlog.yaml:4:16'],
  'status-mismatch': ['STATUS_MISMATCH backlog.yaml:5:13'],
  'open-remediation': ['OPEN_REMEDIATION backlog.yaml:5:13', 'OPEN_REMEDIATION backlog.yaml:6:47'],
  'self-dependency': ['SELF_DEPENDENCY backlog.yaml:5:18', 'SELF_DEPENDENCY backlog.yaml:10:31'],
};

describe('every finding code, at its line and column', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      const result = await validateDir(fixture(name));
      expect(result.diagnostics.map(brief)).toEqual(expected);
    });
  }

  it('covers every code of the specification', () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((lines) => lines.map((line) => line.split(' ')[0])));
    expect([...DIAGNOSTIC_CODES].filter((code) => !covered.has(code))).toEqual([]);
  });
});

describe('what the findings say', () => {
  it('points at the misspelt value and suggests the right one', async () => {
    const [finding] = (await validateDir(fixture('unknown-reference'))).diagnostics;
    expect(finding).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      severity: 'error',
      endLine: 8,
      endColumn: 24,
      path: ['workloads', 1, 'depends_on', 0],
      entity: 'workload:crm',
      hint: 'did you mean `payroll`?',
    });
  });

  it('points at a misspelt key and suggests the field', async () => {
    const [finding] = (await validateDir(fixture('unknown-field'))).diagnostics;
    expect(finding).toMatchObject({ path: ['workloads', 0, 'prority'], hint: 'did you mean `priority`?', endColumn: 12 });
  });

  it('gives the other place of a duplicate as a related location', async () => {
    const [finding] = (await validateDir(fixture('duplicate-id'))).diagnostics;
    expect(finding!.related).toEqual([{ file: 'backlog.yaml', line: 6, column: 9 }]);
    const [key] = (await validateDir(fixture('duplicate-key'))).diagnostics;
    expect(key!.related).toEqual([{ file: 'backlog.yaml', line: 4, column: 5 }]);
  });

  it('tells to quote an id that YAML read as a number, quoting what was written', async () => {
    const found = (await validateDir(fixture('invalid-value'))).diagnostics.find((d) => d.line === 8);
    expect(found?.hint).toBe('YAML read `0012` as number: quote it, "0012"');
  });

  it('suggests the closest enumeration value', async () => {
    const found = (await validateDir(fixture('invalid-value'))).diagnostics.find((d) => d.line === 5);
    expect(found?.message).toBe('`priority` cannot be `urgent`: expected high, medium or low');
  });

  it('keeps x- fields and does not report them', async () => {
    const result = await validateDir(fixture('unknown-field'));
    expect(result.diagnostics).toHaveLength(1);
    expect(result.backlog.entities.workloads[0]!.extensions).toEqual({ 'x-cmdb-id': 'CI0042' });
  });

  it('judges staleness by the as-of date', async () => {
    expect((await validateDir(fixture('stale-assumption'), '2025-01-01')).diagnostics).toEqual([]);
    expect((await validateDir(fixture('stale-assumption'), '2027-01-01')).diagnostics.map(brief)).toEqual([
      'STALE_ASSUMPTION backlog.yaml:4:16',
      'STALE_ASSUMPTION backlog.yaml:5:66',
    ]);
  });
});
