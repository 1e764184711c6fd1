// Edits change only the characters of the node they touch: comments, quoting, indentation,
// flow or block style and every other line stay as written.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendItem, applyEdits, setField } from '../../src/edit/text-edits.js';

const FILE = `# Contoso workloads (a comment at the top)
workloads:
  # the CRM
  - id: crm   # its id
    name: "CRM"
    wave: wave-1  # agreed with sales
    tags: [a, b]

  - id: erp
    name: 'ERP'
    notes: |
      two
      lines
  - { id: hr, name: HR }   # flow, with a comment
servers:
- id: S1
  workloads: [crm]
`;

/** The file with one line replaced, for exact expectations. */
const replaced = (from: string, to: string) => FILE.replace(from, to);

describe('setField', () => {
  it('replaces a value, keeping the comment after it', () => {
    expect(setField(FILE, 0, ['workloads', 0], 'wave', 'wave-2')).toBe(replaced('wave: wave-1  #', 'wave: wave-2  #'));
  });

  it('adds a field where fmt puts it (after the fields before it in the specification), at its indentation', () => {
    expect(setField(FILE, 0, ['workloads', 0], 'owner', 'Ana: sales')).toBe(replaced('    name: "CRM"\n', '    name: "CRM"\n    owner: "Ana: sales"\n'));
    expect(setField(FILE, 0, ['workloads', 0], 'x-cmdb', 7)).toBe(replaced('    tags: [a, b]\n', '    tags: [a, b]\n    x-cmdb: 7\n'));
  });

  it('adds a field after a block scalar', () => {
    expect(setField(FILE, 0, ['workloads', 1], 'x-wave', 'wave-3')).toBe(replaced('      lines\n', '      lines\n    x-wave: wave-3\n'));
  });

  it('adds to and replaces in a flow mapping, keeping its comment', () => {
    expect(setField(FILE, 0, ['workloads', 2], 'wave', 'wave-1')).toBe(replaced('{ id: hr, name: HR }', '{ id: hr, name: HR, wave: wave-1 }'));
    expect(setField(FILE, 0, ['workloads', 2], 'name', 'Human resources')).toBe(replaced('name: HR }', 'name: Human resources }'));
  });

  it('removes a field with its line, or from a flow mapping', () => {
    expect(setField(FILE, 0, ['workloads', 0], 'wave', undefined)).toBe(replaced('    wave: wave-1  # agreed with sales\n', ''));
    expect(setField(FILE, 0, ['workloads', 2], 'name', undefined)).toBe(replaced('{ id: hr, name: HR }', '{ id: hr }'));
  });

  it('keeps a flow list a flow list, and writes a new list of plain values in flow style', () => {
    expect(setField(FILE, 0, ['workloads', 0], 'tags', ['x', 'y z'])).toBe(replaced('tags: [a, b]', 'tags: [x, y z]'));
    expect(setField(FILE, 0, ['workloads', 1], 'depends_on', ['crm', 'hr'])).toBe(replaced("    name: 'ERP'\n", "    name: 'ERP'\n    depends_on: [crm, hr]\n"));
  });

  it('quotes what YAML would otherwise read differently', () => {
    const text = setField(FILE, 0, ['workloads', 0], 'owner', '0012');
    expect(parse(text).workloads[0].owner).toBe('0012');
    expect(parse(setField(FILE, 0, ['workloads', 0], 'notes', 'yes: no')).workloads[0].notes).toBe('yes: no');
  });
});

describe('appendItem', () => {
  it('appends to a block list at its own indentation (here none)', () => {
    expect(appendItem(FILE, 0, 'servers', { id: 'S2', workloads: ['erp'] })).toBe(`${FILE}- id: S2\n  workloads: [erp]\n`);
  });

  it('appends a flow item after a flow item', () => {
    expect(appendItem(FILE, 0, 'workloads', { id: 'new', name: 'New' })).toBe(
      replaced('   # flow, with a comment\n', '   # flow, with a comment\n  - { id: new, name: New }\n'),
    );
  });

  it('starts a collection the document does not have, and fills an empty file', () => {
    expect(appendItem(FILE, 0, 'waves', { id: 'w1', order: 1 })).toBe(`${FILE}waves:\n  - id: w1\n    order: 1\n`);
    expect(appendItem('', 0, 'waves', { id: 'w1', order: 1 })).toBe('waves:\n  - id: w1\n    order: 1\n');
  });

  it('leaves every value it does not touch as it was', () => {
    const text = appendItem(setField(FILE, 0, ['workloads', 1], 'wave', 'w2'), 0, 'servers', { id: 'S2' });
    const before = parse(FILE);
    const after = parse(text);
    expect(after.workloads[0]).toEqual(before.workloads[0]);
    expect(after.workloads[1]).toEqual({ ...before.workloads[1], wave: 'w2' });
    expect(after.servers).toEqual([...before.servers, { id: 'S2' }]);
  });
});

describe('applyEdits', () => {
  it('applies many edits from one parse, in order, the last edit of a field winning', () => {
    const text = applyEdits(FILE, [
      { kind: 'set', doc: 0, path: ['workloads', 0], field: 'wave', value: 'w9' },
      { kind: 'set', doc: 0, path: ['workloads', 0], field: 'owner', value: 'Ana' },
      { kind: 'set', doc: 0, path: ['workloads', 0], field: 'rank', value: 1 },
      { kind: 'set', doc: 0, path: ['workloads', 2], field: 'wave', value: 'w1' },
      { kind: 'set', doc: 0, path: ['workloads', 2], field: 'owner', value: 'Bo' },
      { kind: 'append', doc: 0, collection: 'servers', items: [{ id: 'S2' }, { id: 'S3' }] },
      { kind: 'set', doc: 0, path: ['workloads', 0], field: 'wave', value: 'w2' },
    ]);
    expect(text).toBe(
      FILE.replace('wave: wave-1  #', 'wave: w2  #')
        .replace('    name: "CRM"\n', '    name: "CRM"\n    owner: Ana\n    rank: 1\n')
        .replace('{ id: hr, name: HR }', '{ id: hr, name: HR, owner: Bo, wave: w1 }')
        .concat('- id: S2\n- id: S3\n'),
    );
  });
});
