// `backlog set` beyond one top-level field: list items by index or id, nested x- paths, adding
// to and removing from lists, many entities at once (--where); and what every edit keeps:
// comments, block scalars, the layout fmt writes (issue 21, items 7 and 8; issue 19, items 7,
// 8 and 10).
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { read, tempDir } from '../helpers/temp-dir.js';

const CONTOSO = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

function contoso(): string {
  const root = tempDir();
  cpSync(CONTOSO, root, { recursive: true });
  return root;
}

const set = (root: string, ...args: string[]) => runCli(['set', ...args], { cwd: root });

describe('set: list items', () => {
  it('metrics[0].current=10 and metrics[ID].current=10 edit one metric in place', async () => {
    const root = contoso();
    const before = read(root, 'outcomes.yaml');
    expect(await set(root, 'outcome:run-cost', 'metrics[0].current=170000')).toEqual({ code: 0, stdout: 'Wrote outcomes.yaml.\n', stderr: '' });
    expect(await set(root, 'outcome:run-cost', 'metrics[RightSized].current=70')).toEqual({ code: 0, stdout: 'Wrote outcomes.yaml.\n', stderr: '' });
    expect(read(root, 'outcomes.yaml')).toBe(before.replace('target: 120000, current: 176400 }', 'target: 120000, current: 170000 }').replace('target: 90, current: 64 }', 'target: 90, current: 70 }'));
    // A block mapping item, and a field it does not have yet: added where fmt puts it.
    expect((await set(root, 'outcome:resilience', 'metrics[shop-availability].current=0.9975', 'metrics[shop-availability].unit=ratio')).code).toBe(0);
    expect(read(root, 'outcomes.yaml')).toContain('      - id: shop-availability\n        name: Web-shop availability in November\n        kind: business\n        unit: ratio\n        baseline: 0.9951\n        target: 0.999\n        current: 0.9975\n        due: 2027-11-30\n');
    expect((await runCli(['fmt', '--check'], { cwd: root })).code).toBe(0);
  });

  it('says what is wrong with an item that is not there (exit 2)', async () => {
    const root = contoso();
    const cases: Array<[string, string]> = [
      ['metrics[5].current=1', 'backlog: `metrics[5]`: outcome `run-cost` has 2 items in `metrics`\n'],
      ['metrics[rightsize].current=1', 'backlog: `metrics[rightsize]`: outcome `run-cost` has no item with id `rightsize` in `metrics`\nhint: did you mean `rightsized`?\n'],
      ['metrics[0].nope=1', 'backlog: an outcome has no field `metrics[0].nope`\nhint: its fields are id, name, kind, unit, baseline, target, current, due, measure, tags, notes; custom fields start with x-\n'],
      ['title[0]=x', 'backlog: `title[0]`: `title` is not a list\n'],
      ['metrics[0=1', 'backlog: `metrics[0=1`: write FIELD=VALUE with FIELD as name, name.inner, list[2].name or list[id].name\n'],
    ];
    for (const [assignment, stderr] of cases) expect(await set(root, 'outcome:run-cost', assignment)).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('set: adding to and removing from lists', () => {
  it('tags+=pci and tags-=pci; nothing to change when it is there already (or not there)', async () => {
    const root = contoso();
    const before = read(root, 'workloads/payroll.yaml');
    expect((await set(root, 'payroll', 'tags+=pci')).code).toBe(0);
    expect(read(root, 'workloads/payroll.yaml')).toBe(before.replace('    tags: [hr, sox]\n', '    tags: [hr, sox, pci]\n'));
    expect(await set(root, 'payroll', 'tags+=pci')).toEqual({ code: 0, stdout: 'Nothing to change.\n', stderr: '' });
    expect((await set(root, 'payroll', 'tags-=pci,hr')).code).toBe(0);
    expect(read(root, 'workloads/payroll.yaml')).toBe(before.replace('    tags: [hr, sox]\n', '    tags: [sox]\n'));
    expect(await set(root, 'payroll', 'tags-=nope')).toEqual({ code: 0, stdout: 'Nothing to change.\n', stderr: '' });
  });

  it('keeps the comments of a block list, adding and removing item lines only (issue 19, item 8)', async () => {
    const root = tempDir({
      'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: o }\n  - { id: b, name: B, owner: o }\n  - id: c\n    name: C\n    owner: o\n    depends_on:\n      # keep the first\n      - a   # the a one\n      - b   # the b one\n',
    });
    expect((await set(root, 'c', 'depends_on=a')).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toContain('    depends_on:\n      # keep the first\n      - a   # the a one\n');
    expect(read(root, 'backlog.yaml')).not.toContain('the b one');
    expect((await set(root, 'c', 'depends_on+=b')).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toMatch(/ {4}depends_on:\n {6}# keep the first\n {6}- a {3}# the a one\n {6}- b\n$/);
    expect((await set(root, 'c', 'depends_on=b,a')).code).toBe(0);
    expect(read(root, 'backlog.yaml')).toMatch(/ {4}depends_on:\n {6}- b\n {6}# keep the first\n {6}- a {3}# the a one\n$/);
  });
});

describe('set: what an edit keeps', () => {
  it('replaces a block scalar with a plain value (issue 19, item 7)', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: o\n    notes: |\n      one\n      two\n  - id: b\n    name: B\n    owner: o\n' });
    expect(await set(root, 'a', 'notes=hello')).toEqual({ code: 0, stdout: 'Wrote backlog.yaml.\n', stderr: '' });
    expect(parse(read(root, 'backlog.yaml'))).toEqual({ workloads: [{ id: 'a', name: 'A', owner: 'o', notes: 'hello' }, { id: 'b', name: 'B', owner: 'o' }] });
  });

  it('adds a new field where fmt puts it, so that fmt --check stays clean (issue 21, item 8)', async () => {
    const root = contoso();
    expect((await set(root, 'payroll', 'description=Pays people', 'wave=wave-3', 'costs.currency=EUR', 'x-new=1')).code).toBe(0);
    expect((await set(root, 'order-history', 'priority=low', 'rank=3', 'environment=production', 'target.service=Azure Files', 'target.region=centralus')).code).toBe(0);
    // Both fields of the new mapping, in fmt's order (the first was once lost).
    expect(read(root, 'workloads/legacy.yaml')).toContain('    target:\n      region: centralus\n      service: Azure Files\n');
    expect((await set(root, 'server:HISGW01', 'role=gateway')).code).toBe(0);
    expect(await runCli(['fmt', '--check'], { cwd: root })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('import adds fields to entities where fmt puts them too (issue 21, item 8)', async () => {
    const root = contoso();
    writeFileSync(join(root, 'sheet.csv'), 'id,rank,wave,target.region,Business Unit,x-note\r\nmarketing-cms,4,wave-5,westeurope,Marketing,checked\r\nquality-lims,2,wave-4,,,\r\n');
    expect((await runCli(['import', 'csv', 'sheet.csv'], { cwd: root })).code).toBe(0);
    expect(await runCli(['fmt', '--check'], { cwd: root })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('set: nested x- paths and hostile paths (issue 19, item 10)', () => {
  const root = () => tempDir({ 'backlog.yaml': 'workloads:\n  - id: a\n    name: A\n    owner: o\n    x-p:\n      k: 1\n' });
  const workload = (dir: string) => (parse(read(dir, 'backlog.yaml')) as { workloads: Array<Record<string, unknown>> }).workloads[0];

  it('writes x-a.b.c=1 and x-p.new.y=1 as given', async () => {
    const dir = root();
    expect((await set(dir, 'a', 'x-a.b.c=1', 'x-p.new.y=1')).code).toBe(0);
    expect(workload(dir)).toEqual({ id: 'a', name: 'A', owner: 'o', 'x-p': { k: 1, new: { y: 1 } }, 'x-a': { b: { c: 1 } } });
  });

  it('refuses to set inside a value that is not a mapping (exit 2), and __proto__', async () => {
    const dir = root();
    expect(await set(dir, 'a', 'x-p.k.y=1')).toEqual({ code: 2, stdout: '', stderr: 'backlog: `x-p.k.y`: `x-p.k` is 1, not a mapping: set `x-p.k` itself\n' });
    const proto = await set(dir, 'a', '__proto__.polluted=1');
    expect(proto.code).toBe(2);
    expect(proto.stderr).toContain('a workload has no field `__proto__.polluted`');
    expect((await set(dir, 'a', 'x-p.__proto__.polluted=1')).code).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(workload(dir)).toEqual({ id: 'a', name: 'A', owner: 'o', 'x-p': { k: 1 } });
  });
});
