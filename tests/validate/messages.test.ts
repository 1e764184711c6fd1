// The mistakes people make editing YAML by hand, and what they are told: one finding per
// mistake, in plain words, on the character where it shows, with a way to fix it.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { validateDir } from '../helpers/validate-dir.js';

async function findings(text: string) {
  const result = await validateDir(tempDir({ 'backlog.yaml': text }));
  return result.diagnostics.map((d) => ({ code: d.code, at: `${d.line}:${d.column}`, message: d.message, hint: d.hint }));
}

describe('YAML mistakes', () => {
  it.each([
    ['a colon in a value', 'workloads:\n  - id: crm\n    name: CRM: customer relations\n    owner: Ana\n', '3:11', 'this value has `: ` in it, which YAML reads as the start of a mapping', 'quote the value: "..."'],
    ['a line indented too far', 'workloads:\n  - id: crm\n    name: CRM\n      owner: Ana\n', '3:11', 'the line after this one is indented further, as if this value had fields of its own', 'indent the next line like the fields beside this one'],
    ['no space after a dash', 'workloads:\n  - id: crm\n    name: CRM\n  -id: erp\n    name: ERP\n', '4:3', 'a list item needs a space after `-`', 'write `- ` then the value'],
    ['text after a quoted value', 'workloads:\n  - id: crm\n    name: "CRM" extra\n', '3:17', 'text after a quoted value', 'put it inside the quotes'],
    ['an unclosed flow mapping', 'workloads:\n  - { id: crm, name: CRM\n  - id: erp\n', '2:5', 'this `{` is not closed with `}`', 'close it before the next line that is not part of it, and check the commas in it'],
    ['a key without a colon', 'workloads:\n  - id: crm\n    name\n', '3:5', '`name` has no `:` after it', 'write `field: value`'],
    ['an unclosed quote', 'workloads:\n  - { id: crm, name: "CRM }\n', '2:22', 'this double-quoted text is never closed', 'close it with "'],
    ['a tab as indentation', 'workloads:\n\t- id: crm\n', '2:1', 'a tab used for indentation; YAML allows only spaces', 'replace the tab with spaces'],
  ])('%s', async (_name, text, at, message, hint) => {
    const [first, ...rest] = await findings(text);
    expect(first).toEqual({ code: 'YAML_SYNTAX', at, message, hint });
    expect(rest.filter((f) => f.at.split(':')[0] === at.split(':')[0])).toEqual([]);
  });
});

describe('values', () => {
  it('a number written in quotes', async () => {
    expect(await findings('priorities:\n  - { id: p, title: P, rank: "2", rationale: r }\n')).toEqual([
      { code: 'INVALID_VALUE', at: '2:30', message: '`rank` must be a number, not the text "2"', hint: 'remove the quotes' },
    ]);
  });

  it('yes and no are text in YAML 1.2', async () => {
    const [finding] = await findings('workloads:\n  - { id: crm, name: CRM, owner: Ana, revenue_impacting: yes }\n');
    expect(finding).toMatchObject({ code: 'INVALID_VALUE', hint: 'write true: YAML 1.2 reads `yes` as text' });
  });

  it('an enumeration value written short', async () => {
    const [finding] = await findings('project:\n  rules: { ORPHAN_SERVER: warn }\n');
    expect(finding).toMatchObject({ code: 'INVALID_VALUE', hint: 'did you mean `warning`?' });
  });

  it('a field left empty is absent: a warning for an optional one, MISSING_FIELD at the key for a required one', async () => {
    expect(await findings('workloads:\n  - id: crm\n    name:\n    owner:\n')).toEqual([
      { code: 'MISSING_OWNER', at: '2:9', message: 'workload `crm` has no business owner', hint: 'set `owner` (a name or an e-mail)' },
      { code: 'MISSING_FIELD', at: '3:5', message: '`name` is empty: a workload needs it', hint: undefined },
    ]);
  });

  it('a typed reference with no id', async () => {
    const [finding] = await findings('workloads:\n  - { id: crm, name: CRM, owner: Ana }\ndependencies:\n  - { from: crm, to: "server:" }\n');
    expect(finding).toMatchObject({ code: 'INVALID_VALUE', hint: 'the id is missing after `server:`' });
  });

  it('a reference of the wrong kind says which kind has the id', async () => {
    const text = 'workloads:\n  - { id: crm, name: CRM, owner: Ana, depends_on: [server:erp, SQL01] }\n  - { id: erp, name: ERP, owner: Ana }\nservers:\n  - { id: SQL01, workloads: [erp] }\n';
    expect((await findings(text)).map((f) => f.hint)).toEqual(['`erp` is a workload: write `erp`', '`SQL01` is a server: write `server:SQL01`']);
  });
});

describe('one mistake does not hide the rest', () => {
  it('a bad item in depends_on leaves the other edges in the plan', async () => {
    const text = 'waves: [{ id: w1, order: 1 }, { id: w2, order: 2 }]\nworkloads:\n  - { id: crm, name: CRM, owner: Ana, strategy: rehost, wave: w1, depends_on: [erp, "externl:x"] }\n  - { id: erp, name: ERP, owner: Ana, strategy: rehost, wave: w2 }\n';
    expect((await findings(text)).map((f) => f.code).sort()).toEqual(['INVALID_VALUE', 'WAVE_ORDER']);
  });

  it('dependencies whose ends are in error are not duplicates of each other', async () => {
    const text = 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\ndependencies:\n  - { from: crm, to: "server:" }\n  - { from: crm, to: "external:" }\n';
    expect((await findings(text)).map((f) => f.code)).toEqual(['INVALID_VALUE', 'INVALID_VALUE']);
  });
});

describe('line ends and byte-order marks', () => {
  it('reads CR-only line ends as line ends', async () => {
    expect((await findings('workloads:\r  - id: crm\r    name: CRM\r    prority: 1\r    owner: Ana\r')).map((f) => `${f.code} ${f.at}`)).toEqual(['UNKNOWN_FIELD 4:5']);
  });

  it('ignores a byte-order mark at the start of a later document', async () => {
    expect(await findings('workloads:\n  - { id: crm, name: CRM, owner: Ana }\n---\n\uFEFFservers:\n  - { id: S1, workloads: [crm] }\n')).toEqual([]);
  });
});
