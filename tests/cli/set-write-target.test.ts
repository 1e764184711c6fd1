// Writes land where the user's file is: through a symbolic link, on the file it points at; a
// file made read-only is refused, by name, not replaced (issue 19, item 9).
import { chmodSync, lstatSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { read, tempDir } from '../helpers/temp-dir.js';

const set = (root: string, ...args: string[]) => runCli(['set', ...args], { cwd: root });

describe('set: where a write lands', () => {
  it('writes through a symbolic link to the file it points at', async () => {
    const root = tempDir({ 'backlog.yaml': '', '.real/pay.yaml': 'workloads:\n  - { id: pay, name: Pay, owner: o }\n' });
    symlinkSync(join('.real', 'pay.yaml'), join(root, 'pay.yaml'));
    expect(await set(root, 'pay', 'owner=p')).toEqual({ code: 0, stdout: 'Wrote pay.yaml.\n', stderr: '' });
    expect(lstatSync(join(root, 'pay.yaml')).isSymbolicLink()).toBe(true);
    expect(read(root, '.real/pay.yaml')).toBe('workloads:\n  - { id: pay, name: Pay, owner: p }\n');
  });

  it('refuses to write a read-only file, naming it', async () => {
    const root = tempDir({ 'backlog.yaml': 'workloads:\n  - { id: a, name: A, owner: o }\n' });
    chmodSync(join(root, 'backlog.yaml'), 0o444);
    const result = await set(root, 'a', 'owner=p');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'backlog: backlog.yaml is read-only: make it writable first; nothing was written\n' });
    expect(read(root, 'backlog.yaml')).toBe('workloads:\n  - { id: a, name: A, owner: o }\n');
    expect(statSync(join(root, 'backlog.yaml')).mode & 0o777).toBe(0o444);
  });
});
