// project.rules changes severities or turns rules off, but never the YAML and schema errors.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { validateDir } from '../helpers/validate-dir.js';

const backlog = (rules: string) =>
  tempDir({
    'backlog.yaml': `project:\n  rules:\n${rules}\nworkloads:\n  - { id: crm, name: CRM, prority: x }\n  - { id: erp, name: ERP, owner: Ana }\n`,
  });

describe('project.rules', () => {
  it('keeps default severities without rules', async () => {
    const result = await validateDir(tempDir({ 'backlog.yaml': 'workloads:\n  - { id: crm, name: CRM }\n' }));
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['MISSING_OWNER warning']);
  });

  it('raises, lowers and turns off rules', async () => {
    const up = await validateDir(backlog('    MISSING_OWNER: error'));
    expect(up.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['MISSING_OWNER error', 'UNKNOWN_FIELD error']);
    const down = await validateDir(backlog('    MISSING_OWNER: info'));
    expect(down.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['MISSING_OWNER info', 'UNKNOWN_FIELD error']);
    const off = await validateDir(backlog('    MISSING_OWNER: off'));
    expect(off.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['UNKNOWN_FIELD error']);
  });

  it('refuses to change a schema error, and keeps the other settings', async () => {
    const result = await validateDir(backlog('    UNKNOWN_FIELD: off\n    MISSING_OWNER: off'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`)).toEqual([
      'INVALID_VALUE 3:5 `UNKNOWN_FIELD` cannot be changed: YAML and schema errors are always errors',
      'UNKNOWN_FIELD 6:27 unknown field `prority` in a workload',
    ]);
  });

  it('reports an unknown code with a suggestion, and a bad severity', async () => {
    const result = await validateDir(backlog('    MISSING_OWNR: off\n    MISSING_OWNER: loud'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.hint ?? ''}`)).toEqual([
      'INVALID_VALUE 3:5 did you mean `MISSING_OWNER`?',
      'INVALID_VALUE 4:20 ',
      'MISSING_OWNER 6:11 set `owner` (a name or an e-mail)',
      'UNKNOWN_FIELD 6:27 did you mean `priority`?',
    ]);
  });

  it('uses defaults.max_servers_per_wave for waves without max_servers', async () => {
    const dir = tempDir({
      'backlog.yaml': 'project:\n  defaults: { max_servers_per_wave: 1 }\nwaves: [{ id: w1, order: 1 }, { id: w2, order: 2, max_servers: 5 }]\nworkloads:\n  - { id: a, name: A, owner: Ana, strategy: rehost, wave: w1 }\n  - { id: b, name: B, owner: Ana, strategy: rehost, wave: w2 }\nservers: [{ id: A1, workloads: [a] }, { id: A2, workloads: [a] }, { id: B1, workloads: [b] }, { id: B2, workloads: [b] }]\n',
    });
    expect((await validateDir(dir)).diagnostics.map((d) => `${d.code} ${d.entity}`)).toEqual(['WAVE_CAPACITY wave:w1']);
  });
});
