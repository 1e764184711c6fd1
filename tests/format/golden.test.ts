// Golden output for every validation format, colour off, in a fixed order. Update with
// `npx vitest run -u` after a deliberate change, and read the diff.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_FORMATS } from '../../src/format/validation/formats.js';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '..', '..');
const root = join('tests', 'fixtures', 'golden');
const golden = (name: string) => join(import.meta.dirname, '..', 'golden', name);

describe('validate output formats', () => {
  for (const format of VALIDATION_FORMATS) {
    it(format, async () => {
      const result = await runCli(['validate', '--root', root, '-f', format], { cwd: repo });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      await expect(result.stdout).toMatchFileSnapshot(golden(`validate.${format}.txt`));
    });
  }

  it('stylish on a clean backlog', async () => {
    const result = await runCli(['validate', '--root', 'tests/fixtures/clean'], { cwd: repo });
    expect(result).toEqual({ code: 0, stdout: '✔ no problems (1 file, 3 entities)\n', stderr: '' });
  });
});
