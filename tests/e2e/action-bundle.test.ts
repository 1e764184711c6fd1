// The action runs from committed files (the runner installs nothing): they must be what a fresh
// build of the sources makes, as the typescript-action template's check-dist workflow checks.
// After changing the sources or the locked dependencies, `npm run build:action` and commit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

describe('the committed action bundle', () => {
  it('is the fresh build of the sources, file for file', async () => {
    const fresh = tempDir();
    const built = await runProcess(process.execPath, ['build.mjs', '--action', fresh], { cwd: repo });
    expect(built, built.stderr).toMatchObject({ code: 0 });
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.')).sort();
    expect(files(join(repo, 'action'))).toEqual(files(fresh));
    for (const file of files(fresh)) {
      const same = readFileSync(join(repo, 'action', file), 'utf8') === readFileSync(join(fresh, file), 'utf8');
      expect(same, `action/${file} differs from a fresh build: run \`npm run build:action\` and commit it`).toBe(true);
    }
  });
});
