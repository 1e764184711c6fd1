// Colour only on a terminal, never with NO_COLOR, forced by FORCE_COLOR or --color; the
// tables obey the same decision.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRunOptions } from '../helpers/run-cli.js';

const root = join(import.meta.dirname, '..', 'fixtures', 'golden');
const ESC = '\u001b[';

async function coloured(args: string[], options: CliRunOptions): Promise<boolean> {
  const { stdout } = await runCli(args, options);
  return stdout.includes(ESC);
}

describe('colour', () => {
  const validate = ['validate', '--root', root];
  it.each([
    ['off when not a terminal', validate, {}, false],
    ['on a terminal', validate, { tty: true }, true],
    ['never with NO_COLOR, even on a terminal', validate, { tty: true, env: { NO_COLOR: '1' } }, false],
    ['never with NO_COLOR, even with FORCE_COLOR', validate, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
    ['forced by FORCE_COLOR', validate, { env: { FORCE_COLOR: '1' } }, true],
    ['not forced by FORCE_COLOR=0', validate, { env: { FORCE_COLOR: '0' } }, false],
    ['forced by --color', ['--color', ...validate], {}, true],
    ['off with --no-color on a terminal', ['--no-color', ...validate], { tty: true }, false],
    ['tables: off when not a terminal', ['rules'], {}, false],
    ['tables: on a terminal', ['rules'], { tty: true }, true],
    ['tables: never with NO_COLOR', ['rules'], { tty: true, env: { NO_COLOR: '1' } }, false],
  ] as const)('%s', async (_name, args, options, expected) => {
    expect(await coloured([...args], options)).toBe(expected);
  });

  it('never colours machine formats or files', async () => {
    expect(await coloured([...validate, '-f', 'json'], { tty: true })).toBe(false);
  });
});
