// Prose on a terminal keeps within its width (format/shared/wrap.ts): the report's KPIs and open
// items, show's long values and related things, the wave plan's reasons and notes, the import's
// summary. Off a terminal each line stays whole; on one, no word is lost or cut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { hanging, wrapText, wrapUnits } from '../../src/format/shared/wrap.js';
import { backlogWith } from '../helpers/import-estate.js';
import { runCli } from '../helpers/run-cli.js';
import { copyOf } from '../helpers/temp-dir.js';

const contoso = join(import.meta.dirname, '..', '..', 'examples', 'contoso');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', 'query', name);
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('wrapText', () => {
  it('carries words to lines that start with the indent, keeping runs of spaces within a line and dropping the one broken at', () => {
    expect(wrapText('  id  ', 'one two  three four five', 20, '  ')).toEqual(['  id  one two  three', '  four five']);
    expect(hanging('  id  ', 'alpha beta gamma delta epsilon zeta eta theta iota kappa', 50)).toBe('  id  alpha beta gamma delta epsilon zeta eta\n      theta iota kappa');
  });

  it('leaves a line whole off a terminal, and a word longer than a line on a line of its own, uncut', () => {
    expect(wrapText('  ', 'one two three', undefined, '    ')).toEqual(['  one two three']);
    expect(wrapText('', 'a server:CRMAPP01->server:DC02:88/tcp b', 12, '  ')).toEqual(['a', '  server:CRMAPP01->server:DC02:88/tcp', '  b']);
  });

  // Was a bug, kept as a regression test: a gap was spaces alone, so a line break, a tab or a
  // no-break space between words was dropped and the words ran together, off a terminal too.
  it("keeps the text's own line breaks (further lines start with the indent), tabs and no-break spaces", () => {
    const text = 'first line\nsecond\tline\n\nthe\u00a0end';
    expect(wrapText('  a  ', text, undefined, '     ')).toEqual([`  a  ${text}`]);
    expect(wrapText('  a  ', text, 80, '     ')).toEqual(['  a  first line', '     second\tline', '', '     the\u00a0end']);
    expect(wrapText('', 'one the\u00a0end', 8, '')).toEqual(['one', 'the\u00a0end']);
  });

  it('counts the columns a text takes: colour codes none, wide characters two', () => {
    const style = new Chalk({ level: 1 });
    expect(wrapText('', `${style.red('red')} blue green`, 10, '')).toEqual([`${style.red('red')} blue`, 'green']);
    expect(wrapText('', '東京 大阪 名古屋', 10, '')).toEqual(['東京 大阪', '名古屋']);
  });

  it('gives way to a shallow indent where the deep one would leave fewer than 40 columns for words', () => {
    const head = `${'x'.repeat(50)}  `;
    expect(wrapText(head, 'alpha beta gamma delta epsilon', 70, ' '.repeat(head.length))).toEqual([`${head}alpha beta gamma`, '    delta epsilon']);
    expect(hanging('  id  ', 'alpha beta gamma', 14)).toBe('  id  alpha\n    beta gamma');
  });

  it('wrapUnits never breaks inside a unit', () => {
    expect(wrapUnits(['(left out: owner,', 'status;', '--wide shows all)'], 30)).toEqual(['(left out: owner, status;', '--wide shows all)']);
  });
});

describe('on an 80-column terminal', () => {
  const at = (args: string[], columns?: number) => runCli([...args, '--root', contoso], { columns, env: { NO_COLOR: '1' } });

  for (const [name, args, file] of [
    ['report', ['report'], 'report.contoso-80.txt'],
    ['show a workload', ['show', 'crm'], 'show.crm-80.txt'],
    ['show a business priority', ['show', 'dc-exit'], undefined],
    ['waves --suggest', ['waves', '--suggest', '--reassign', '--max-servers', '6'], undefined],
  ] as const) {
    it(`${name}: every line within 80 columns but a word longer than the room, the same words as off a terminal`, async () => {
      const wrapped = await at([...args], 80);
      const whole = await at([...args]);
      expect(wrapped.code).toBe(0);
      expect(whole.stdout.split('\n').some((line) => line.length > 80)).toBe(true);
      for (const line of wrapped.stdout.split('\n')) if (line.length > 80) expect(line.trim().includes(' '), line).toBe(false);
      expect(words(wrapped.stdout)).toEqual(words(whole.stdout));
      if (file) await expect(wrapped.stdout).toMatchFileSnapshot(golden(file));
    });
  }

  it('report -o: a file keeps each line whole', async () => {
    const root = copyOf(contoso);
    const out = join(root, 'report.txt');
    expect((await runCli(['report', '--root', root, '-o', out], { columns: 80 })).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await runCli(['report', '--root', root])).stdout);
  });

  it('import: the summary and the columns left out keep within the width', async () => {
    const root = backlogWith(['meg-digital-estate.csv', 'meg-workload.csv']);
    const result = await runCli(['import', 'meg', 'meg-digital-estate.csv', 'meg-workload.csv'], { cwd: root, columns: 80 });
    expect(result).toEqual({
      code: 0,
      stdout:
        'Wrote workloads.yaml, servers.yaml.\n' +
        'meg: 5 rows read; workloads: 1 added, 1 updated, 0 unchanged; servers: 2 added,\n' +
        '  1 updated, 0 unchanged\n' +
        "columns left out (no field of the backlog; --map 'NAME=field' keeps one):\n" +
        '  Discovery Date, Redundancy, Servers, Lifecycle, Tooling, Analysis Date, Known\n' +
        '  Issues, Type, Traffic\n',
      stderr: '',
    });
  });
});
