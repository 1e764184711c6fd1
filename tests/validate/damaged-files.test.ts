// A mistake in one place does not hide the rest: what can still be read is still checked, and
// a field in error does not also count as missing.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, validateDir } from '../helpers/validate-dir.js';

const findings = async (files: Record<string, string>) => (await validateDir(tempDir(files))).diagnostics.map(brief);

describe('damaged files', () => {
  it('a duplicate key does not hide the other findings of its document', async () => {
    expect(
      await findings({
        'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    name: CRM 2\n    owner: Ana\n    depends_on: [payrol]\n  - { id: payroll, name: Payroll, owner: Ana }\n',
      }),
    ).toEqual(['DUPLICATE_KEY backlog.yaml:4:5', 'UNKNOWN_REFERENCE backlog.yaml:6:18']);
  });

  it('a custom tag is reported and the value read as written', async () => {
    expect(await findings({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: !upper crm, owner: Ana, prority: 1 }\n' })).toEqual([
      'UNSUPPORTED_YAML backlog.yaml:2:22',
      'UNKNOWN_FIELD backlog.yaml:2:46',
    ]);
  });

  it('a merge key is reported, and the entity has only the fields written in it', async () => {
    expect(await findings({ 'backlog.yaml': 'workloads:\n  - &a { id: crm, name: CRM, owner: Ana }\n  - { <<: *a, id: erp }\n' })).toEqual([
      'MISSING_FIELD backlog.yaml:3:7',
      'UNSUPPORTED_YAML backlog.yaml:3:7',
      'MISSING_OWNER backlog.yaml:3:19',
    ]);
  });

  // Was a bug, kept as a regression test: a quoted "<<" was reported as a merge key (found by the
  // property test of tests/property, one run in many).
  it('a quoted "<<" is an ordinary key: free in an x- value, unknown as a field', async () => {
    expect(await findings({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana, x-custom: {"<<": 0}, x-other: {\'<<\': 1} }\n' })).toEqual([]);
    expect(await findings({ 'backlog.yaml': 'workloads:\n  - id: crm\n    name: CRM\n    owner: Ana\n    "<<": 0\n' })).toEqual(['UNKNOWN_FIELD backlog.yaml:5:5']);
  });

  it('a syntax error in one file leaves the others checked, and says where a missing id may be', async () => {
    const result = await validateDir(
      tempDir({ 'a.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana, depends_on: [erp] }\n', 'b.yaml': 'workloads:\n  - { id: erp, name: "ERP }\n' }),
    );
    expect(result.diagnostics.map(brief)).toEqual(['UNKNOWN_REFERENCE a.yaml:2:52', 'YAML_SYNTAX b.yaml:2:22']);
    expect(result.diagnostics[0]!.hint).toBe('it may be defined where the backlog could not be read: b.yaml');
    expect(result.diagnostics[1]!.message).toBe('this double-quoted text is never closed');
  });

  it('an invalid strategy is not also "not set"', async () => {
    expect(
      await findings({ 'backlog.yaml': 'waves: [{ id: w1, order: 1 }]\nworkloads:\n  - { id: crm, name: CRM, owner: Ana, wave: w1, strategy: lift-and-shift }\n' }),
    ).toEqual(['INVALID_VALUE backlog.yaml:3:59']);
  });

  it('an invalid owner is not also missing, an invalid server status not a mismatch', async () => {
    expect(
      await findings({
        'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: [Ana], status: migrated }\nservers:\n  - { id: S1, workloads: [crm], status: done }\n',
      }),
    ).toEqual(['INVALID_VALUE backlog.yaml:2:34', 'INVALID_VALUE backlog.yaml:4:41']);
  });

  it('one bad item in a reference list leaves the others checked', async () => {
    expect(await findings({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana, depends_on: [bad:x, nothere] }\n' })).toEqual([
      'INVALID_VALUE backlog.yaml:2:52',
      'UNKNOWN_REFERENCE backlog.yaml:2:59',
    ]);
  });
});
