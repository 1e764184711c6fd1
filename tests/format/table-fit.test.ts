// Tables on a terminal fit its width (issue 21, items 1 and 2): free text gives way, cut with
// `…`; a list is cut between its items (`a, b, +3 more`); an id, a date, a number or an
// enumeration is never cut; whole columns are left out only when that is not enough, and a line
// under the table names them. On a pipe, or with --wide, nothing is cut.
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const contoso = join(import.meta.dirname, '..', '..', 'examples', 'contoso');

interface Table {
  head: string[];
  rows: string[][];
  note: string;
}

/** A drawn table read back: headings, cells (trimmed), and the lines under it. */
function readTable(text: string): Table {
  const lines = text.trimEnd().split('\n');
  const bottom = lines.findIndex((line) => line.startsWith('└'));
  const cells = (line: string) => line.slice(1, -1).split('│').map((cell) => cell.trim());
  return { head: cells(lines[1]!), rows: lines.slice(3, bottom).map(cells), note: lines.slice(bottom + 1).join(' ') };
}

async function table(args: string[], columns?: number): Promise<{ text: string; table: Table }> {
  const result = await runCli([...args, '--root', contoso], columns === undefined ? {} : { tty: true, columns, env: { NO_COLOR: '1' } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { text: result.stdout, table: readTable(result.stdout) };
}

/** How each column may give way: the rest are ids, dates, numbers and enumerations. */
const GIVE_WAY: Record<string, 'text' | 'list'> = { name: 'text', owner: 'text', os: 'text', drivers: 'list', workloads: 'list', findings: 'list', description: 'text' };

function expectCutFrom(cell: string, whole: string, column: string): void {
  if (cell === whole) return;
  const fit = GIVE_WAY[column];
  expect(fit, `${column}: \`${whole}\` shown as \`${cell}\``).toBeDefined();
  if (fit === 'text') {
    expect(cell.endsWith('…')).toBe(true);
    expect(whole.startsWith(cell.slice(0, -1))).toBe(true);
    return;
  }
  const items = whole.split(', ');
  const match = /^(.*?)(?:, )?\+(\d+) more$/.exec(cell);
  expect(match, `${column}: \`${cell}\``).not.toBeNull();
  const kept = match![1] === '' ? [] : match![1]!.split(', ');
  expect(kept).toEqual(items.slice(0, kept.length));
  expect(Number(match![2])).toBe(items.length - kept.length);
}

describe.each([
  ['list --priority', ['list', '--priority'], 'id'],
  ['waves', ['waves'], 'id'],
  ['list dependencies', ['list', 'dependencies'], 'from'],
  ['list servers', ['list', 'servers'], 'id'],
])('%s on examples/contoso', (_name, args, key) => {
  it.each([80, 60])('fits %i columns, cutting only what may give way, and names what it left out', async (width) => {
    const wide = (await table(args)).table;
    const { text, table: narrow } = await table(args, width);
    for (const line of text.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    // Every row, its key column whole.
    const keys = (t: Table) => t.rows.map((row) => row[t.head.indexOf(key)]);
    expect(narrow.head).toContain(key);
    expect(keys(narrow)).toEqual(keys(wide));
    for (const [r, row] of narrow.rows.entries()) {
      row.forEach((cell, c) => {
        const column = narrow.head[c]!;
        expectCutFrom(cell, wide.rows[r]![wide.head.indexOf(column)]!, column);
      });
    }
    const left = wide.head.filter((column) => !narrow.head.includes(column));
    expect(narrow.note).toBe(left.length === 0 ? '' : `(left out: ${left.join(', ')}; --wide shows all)`);
  });

  it('--wide on a terminal, and any pipe, show everything', async () => {
    const piped = await table(args);
    expect(piped.text).not.toContain('…');
    expect(piped.text).not.toMatch(/\+\d+ more/);
    expect((await table([...args, '--wide'], 80)).text).toBe(piped.text);
  });
});

describe('waves', () => {
  it("shows each wave's workloads by id, in priority order", async () => {
    const { table: waves } = await table(['waves']);
    const column = waves.head.indexOf('workloads');
    const wave3 = waves.rows.find((row) => row[1] === 'wave-3')!;
    // wave-3 holds payroll and hr-portal (high, ranks 1 and 2), timesheets (high, 3), expenses (medium) and learning-mgmt (low).
    expect(wave3[column]).toBe('payroll, hr-portal, timesheets, expenses, learning-mgmt');
    const json = (JSON.parse((await runCli(['waves', '--root', contoso, '-f', 'json'])).stdout) as { waves: Array<{ id: string; workloads: string[] }> }).waves;
    expect(json.find((wave) => wave.id === 'wave-3')!.workloads).toEqual(['payroll', 'hr-portal', 'timesheets', 'expenses', 'learning-mgmt']);
  });

  it('says in --help that it lists the workloads', async () => {
    expect((await runCli(['waves', '--help'])).stdout).toContain('each wave with its workloads (ids, in priority order');
  });
});
