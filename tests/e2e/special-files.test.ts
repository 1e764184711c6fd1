// No command waits forever on the file system: a FIFO where a backlog file or a cache file
// should be is skipped, never opened for reading, and folders that cannot be made are said to
// be so. These run as processes: a read that blocks would stop an in-process test for good.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuilt } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp-dir.js';

const WORKLOAD = 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n';
const HANG_GUARD = 20_000;

describe('special files', () => {
  it('skips a FIFO and a link to one under the root, with a notice', () => {
    const root = tempDir({ 'backlog.yaml': WORKLOAD });
    execFileSync('mkfifo', [join(root, 'x.yaml')]);
    symlinkSync('x.yaml', join(root, 'link.yaml'));
    for (const command of [['validate'], ['list', '-f', 'ids']]) {
      const result = runBuilt([...command, '--root', root, '--no-cache'], { timeout: HANG_GUARD });
      expect(result, command[0]).toMatchObject({ code: 0 });
      expect(result.stderr).toContain('skipped x.yaml: not a regular file');
      expect(result.stderr).toContain('skipped link.yaml: a link to what is not a regular file');
    }
  });

  it('answers a query when a FIFO stands where its snapshot is kept', () => {
    const root = tempDir({ 'backlog.yaml': WORKLOAD });
    const cache = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    expect(runBuilt(['list', '-f', 'ids', '--root', root], { env, timeout: HANG_GUARD }).stdout).toBe('crm\n');
    const folder = join(cache, 'migration-backlog');
    const snapshot = readdirSync(folder).find((name) => name.endsWith('.snapshot.cache'))!;
    rmSync(join(folder, snapshot));
    execFileSync('mkfifo', [join(folder, snapshot)]);
    expect(runBuilt(['list', '-f', 'ids', '--root', root], { env, timeout: HANG_GUARD })).toMatchObject({ code: 0, stdout: 'crm\n' });
  });

  it.skipIf(!existsSync('/proc/1'))('says a folder cannot be made where none can be (/proc)', () => {
    const result = runBuilt(['init', '/proc/1/backlog-test'], { timeout: HANG_GUARD });
    expect(result).toMatchObject({ code: 3, stdout: '' });
    expect(result.stderr).toContain('cannot create the backlog in /proc/1/backlog-test');
  });

  it('exits 2 on an empty exclude glob, naming it', () => {
    const root = tempDir({ 'backlog.yaml': `project:\n  exclude: ['']\n${WORKLOAD}` });
    mkdirSync(join(root, 'drafts'));
    const result = runBuilt(['validate', '--root', root, '--no-cache'], { timeout: HANG_GUARD });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('backlog: project.exclude in backlog.yaml holds an empty glob\nhint: remove it, or write the files to leave out (drafts/**, *.draft.yaml)\n');
  });
});
