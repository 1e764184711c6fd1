// Hostile and unusual input: every case is a finding with a place, never a crash or a hang.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { brief, findingsOf as findings, OK_WORKLOAD, validateDir } from '../helpers/validate-dir.js';

describe('bytes that are not UTF-8 YAML', () => {
  it('reports a binary file at its first NUL byte', async () => {
    const bytes = Buffer.concat([Buffer.from('workloads:\n  - id: a\x00b\n'), Buffer.alloc(100)]);
    const result = await findings({ 'backlog.yaml': OK_WORKLOAD, 'blob.yaml': bytes });
    expect(result.map(brief)).toEqual(['YAML_SYNTAX blob.yaml:2:10']);
    expect(result[0]!.message).toContain('binary');
  });

  it('reports invalid UTF-8 at the offending byte', async () => {
    const bytes = Buffer.concat([Buffer.from('workloads:\n  - id: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const result = await findings({ 'backlog.yaml': bytes });
    expect(result.map(brief)).toEqual(['YAML_SYNTAX backlog.yaml:2:12']);
    expect(result[0]!.message).toContain('not valid UTF-8');
  });

  it('reports a UTF-16 file', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('workloads: []\n', 'utf16le')]);
    expect((await findings({ 'backlog.yaml': bytes })).map(brief)).toEqual(['YAML_SYNTAX backlog.yaml:1:1']);
  });

  it('reads a byte-order mark and keeps columns right', async () => {
    const result = await findings({ 'backlog.yaml': `\uFEFFworkloads:\n  - { id: crm, name: CRM }\n` });
    expect(result.map(brief)).toEqual(['MISSING_OWNER backlog.yaml:2:11']);
  });

  it('reads CRLF line endings and keeps lines right', async () => {
    const result = await findings({ 'backlog.yaml': 'workloads:\r\n  - id: crm\r\n    name: CRM\r\n    prority: high\r\n    owner: Ana\r\n' });
    expect(result.map(brief)).toEqual(['UNKNOWN_FIELD backlog.yaml:4:5']);
    expect(result[0]).toMatchObject({ endLine: 4, endColumn: 12 });
  });

  it('reports tabs used as indentation', async () => {
    const result = await findings({ 'backlog.yaml': 'workloads:\n\t- id: crm\n' });
    expect(result.map((d) => d.code)).toContain('YAML_SYNTAX');
    expect(result[0]!.line).toBe(2);
  });
});

describe('keys that could reach prototypes', () => {
  it('reports __proto__ and constructor as unknown and pollutes nothing', async () => {
    const result = await findings({
      'backlog.yaml': [
        '__proto__: { polluted: yes }',
        'constructor: { prototype: { polluted: yes } }',
        'workloads:',
        '  - id: crm',
        '    name: CRM',
        '    owner: Ana',
        '    __proto__: { polluted: yes }',
        '    constructor: { polluted: yes }',
        '    target: { __proto__: { polluted: yes } }',
        '',
      ].join('\n'),
    });
    expect(result.map(brief)).toEqual([
      'UNKNOWN_COLLECTION backlog.yaml:1:1',
      'UNKNOWN_COLLECTION backlog.yaml:2:1',
      'UNKNOWN_FIELD backlog.yaml:7:5',
      'UNKNOWN_FIELD backlog.yaml:8:5',
      'UNKNOWN_FIELD backlog.yaml:9:15',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('does not pollute through the full parser either', async () => {
    // An anchor sends the file to the yaml package instead of the fast parser.
    const result = await findings({ 'backlog.yaml': 'workloads:\n  - &w { id: crm, name: CRM, owner: Ana, __proto__: { polluted: yes } }\n' });
    expect(result.map(brief)).toEqual(['UNKNOWN_FIELD backlog.yaml:2:42']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('files and documents', () => {
  it('takes empty files, comment-only files and empty documents', async () => {
    expect(await findings({ 'backlog.yaml': OK_WORKLOAD, 'empty.yaml': '', 'comment.yml': '# nothing yet\n', 'docs.yaml': '---\n---\nservers:\n' })).toEqual([]);
  });

  it('reads every document of a multi-document file, with positions in the right one', async () => {
    const result = await findings({ 'backlog.yaml': `${OK_WORKLOAD}---\nservers:\n  - { id: S1, workloads: [crm] }\n---\nservers:\n  - { id: S2, workloads: [crn] }\n` });
    expect(result.map(brief)).toEqual(['UNKNOWN_REFERENCE backlog.yaml:8:27']);
  });

  it('reports a document that is not a mapping, and a collection that is not a list', async () => {
    const result = await findings({ 'backlog.yaml': OK_WORKLOAD, 'list.yaml': '- id: crm\n', 'scalar.yaml': 'servers: SQL01\n' });
    expect(result.map(brief)).toEqual(['INVALID_VALUE list.yaml:1:1', 'INVALID_VALUE scalar.yaml:1:10']);
  });

  it('reports `project` outside the root backlog.yaml', async () => {
    const result = await findings({ 'backlog.yaml': OK_WORKLOAD, 'more/settings.yaml': 'project: { name: X }\n' });
    expect(result.map(brief)).toEqual(['INVALID_VALUE more/settings.yaml:1:1']);
  });

  it('skips hidden folders, node_modules and project.exclude', async () => {
    const bad = 'workloads: [oops]\n';
    const result = await findings({
      'backlog.yaml': `project:\n  exclude: ['drafts/**', '*.old.yaml']\n${OK_WORKLOAD}`,
      '.github/workflows/ci.yml': bad,
      'node_modules/x/y.yaml': bad,
      'drafts/next.yaml': bad,
      'crm.old.yaml': bad,
      'deep/er/erp.old.yaml': bad,
      'notes.txt': bad,
    });
    expect(result).toEqual([]);
  });

  it('skips a symbolic link that leaves the root, and says so', async () => {
    const outside = tempDir({ 'elsewhere.yaml': 'workloads: [oops]\n' });
    const root = tempDir({ 'backlog.yaml': OK_WORKLOAD });
    symlinkSync(join(outside, 'elsewhere.yaml'), join(root, 'linked.yaml'));
    symlinkSync(root, join(root, 'loop'));
    const { fsSource } = await import('../../src/load/fs-source.js');
    const source = fsSource(root);
    expect(await source.listFiles()).toEqual(['backlog.yaml']);
    expect(source.notices).toEqual(['skipped linked.yaml: a symbolic link to outside the backlog root']);
  });

  it('reads files in sorted order, so output is stable', async () => {
    const result = await validateDir(tempDir({ 'b.yaml': 'servers: [{ id: B }]\n', 'a.yaml': 'servers: [{ id: A }]\n', 'backlog.yaml': '' }));
    expect(result.diagnostics.map((d) => d.file)).toEqual(['a.yaml', 'b.yaml']);
    // By UTF-16 code units, not by locale: capitals before small letters, `_` between them.
    const { fsSource } = await import('../../src/load/fs-source.js');
    const names = ['b.yaml', 'B.yaml', '_x.yaml', 'a/z.yaml', 'a-b.yaml', 'é.yaml', 'Z.yaml'];
    expect(await fsSource(tempDir(Object.fromEntries(names.map((name) => [name, ''])))).listFiles()).toEqual(['B.yaml', 'Z.yaml', '_x.yaml', 'a-b.yaml', 'a/z.yaml', 'b.yaml', 'é.yaml']);
  });

  it('takes as backlog files the YAML files in no hidden folder and no node_modules, at any depth', async () => {
    const { isBacklogFile } = await import('../../src/load/file-filter.js');
    const paths = ['a.yaml', 'b.YML', '.hidden.yaml', 'x/y/z.yml', 'a.yaml.txt', '.github/ci.yml', 'x/node_modules/y.yaml', 'x/y/.git/z.yaml', 'node_modules.yaml', 'x.y/z.yaml'];
    expect(paths.filter(isBacklogFile)).toEqual(['a.yaml', 'b.YML', '.hidden.yaml', 'x/y/z.yml', 'node_modules.yaml', 'x.y/z.yaml']);
  });
});
