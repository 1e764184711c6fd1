// Long tables are drawn in slices; they must read as one table, and fit the terminal.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/format/rows/table-layout.js';

const style = new Chalk({ level: 0 });
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`row-${i}`, i % 7 === 0 ? 'a longer cell here' : 'x']);

describe('renderTable', () => {
  it('draws 250 rows as one table: one top, one header rule, one bottom, every line as wide', () => {
    const lines = renderTable(['id', 'value'], rows(250), { style, columns: undefined }).trimEnd().split('\n');
    expect(lines).toHaveLength(250 + 4);
    expect(lines[0]).toMatch(/^┌─+┬─+┐$/);
    expect(lines[2]).toMatch(/^├─+┼─+┤$/);
    expect(lines.at(-1)).toMatch(/^└─+┴─+┘$/);
    expect(lines.filter((line) => /^[┌├└]/.test(line))).toHaveLength(3);
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(lines[3]).toContain('row-0');
    expect(lines.at(-2)).toContain('row-249');
  });

  it('fits the terminal by cutting free text with …, never the headings', async () => {
    const text = renderTable(['identifier', 'description'], [['a', 'word '.repeat(40).trim()]], { style, columns: 40, fits: ['fixed', 'text'] });
    const lines = text.trimEnd().split('\n');
    expect(lines.map((line) => line.length)).toEqual([40, 40, 40, 40, 40]);
    expect(lines[1]).toContain('identifier');
    expect(lines[3]).toBe('│ a          │ word word word word…    │');
  });

  it('cuts a list between its items, and leaves out a column that cannot give way, saying so', async () => {
    const head = ['id', 'members', 'owner id'];
    const rows = [['w1', ['alpha', 'beta', 'gamma', 'delta'], 'identity-federation']];
    const lines = renderTable(head, rows, { style, columns: 30, fits: ['fixed', 'list', 'fixed'] }).trimEnd().split('\n');
    expect(lines[3]).toBe('│ w1 │ alpha, beta, +2 more  │');
    expect(lines.slice(-2)).toEqual(['(left out: owner id;', '--wide shows all)']);
    const wide = renderTable(head, rows, { style, columns: 80, fits: ['fixed', 'list', 'fixed'] });
    expect(wide).toContain('│ w1 │ alpha, beta, gamma, delta │ identity-federation │');
  });

  it('lines up wide characters and coloured headings by the columns they take on a terminal', () => {
    const coloured = new Chalk({ level: 1 });
    const text = renderTable(['id', 'site'], [['a', '東京 DC'], ['b', 'Zürich']], { style: coloured, columns: undefined });
    expect(text).toContain('\u001b[1mid\u001b[22m');
    const plain = text.replace(/\u001b\[\d+m/g, '').trimEnd().split('\n');
    const width = (line: string) => [...line].reduce((sum, char) => sum + (/[\u3000-\u9fff]/.test(char) ? 2 : 1), 0);
    expect(new Set(plain.map(width)).size).toBe(1);
    expect(plain[3]).toBe('│ a  │ 東京 DC │');
  });
});

