// The installed binary end to end: the shim runs the built CLI, and exit codes and streams
// reach the calling process (CI sees exactly these).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, repo, runBuilt } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp-dir.js';

const backlog = (...args: string[]) => runBuilt(args);

describe('bin/backlog.js', () => {
  it('prints the version', () => {
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(backlog('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  // `--help` alone into a pipe is the text the build wrote; with another flag the program makes it.
  it('prints the help the program makes', () => {
    const help = backlog('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: backlog');
    expect(help).toEqual(backlog('--debug', '--help'));
    expect(backlog('-h')).toEqual(help);
  });

  it('says in one line, without a stack trace, that the CLI is not built (a clone before npm ci)', () => {
    const clone = tempDir({ 'package.json': '{ "type": "module" }\n', 'bin/backlog.js': readFileSync(bin, 'utf8') });
    const result = spawnSync(process.execPath, [join(clone, 'bin', 'backlog.js'), 'validate'], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('backlog: the CLI is not built (dist/ is missing or partial): run `npm ci` or `npm run build` in its folder\n');
  });

  // Exit 0 after the program ran: 'ends quietly when the reader of stdout goes away' (validate)
  // and 'keeps its exit code when only stderr cannot be written' (list).
  it('exits 1 with findings, the JSON envelope on stdout', () => {
    const result = backlog('validate', '--root', 'tests/fixtures/golden', '-f', 'json', '--no-cache');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).version).toBe(1);
    expect(result.stderr).toBe('');
    // The entities' check makes code for each schema; where a host forbids that, it takes the fields in a loop.
    const forbidden = runBuilt(['validate', '--root', 'tests/fixtures/golden', '-f', 'json', '--no-cache'], { nodeArgs: ['--disallow-code-generation-from-strings'] });
    expect(forbidden, 'where making code from text is forbidden').toEqual(result);
  });

  // Was a bug, kept as a regression test: a failed write to stdout ended in a stack trace, exit 1.
  it.skipIf(!existsSync('/dev/full'))('exits 3 with one clear line when stdout cannot be written (a full disk)', () => {
    for (const args of [['--version'], ['list', '--root', 'examples/contoso', '--no-cache']]) {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
        expect({ code: result.status, stderr: result.stderr }).toEqual({ code: 3, stderr: 'backlog: cannot write the output: ENOSPC: no space left on device, write\n' });
      } finally {
        closeSync(full);
      }
    }
  });

  it.skipIf(!existsSync('/dev/full'))('keeps its exit code when only stderr cannot be written', () => {
    const full = openSync('/dev/full', 'w');
    try {
      // list on a backlog with errors says so on stderr, and answers on stdout.
      const args = ['list', '--root', 'examples/broken', '-f', 'ids', '--no-cache'];
      expect(spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8' }).stderr).toContain('the backlog has');
      const result = spawnSync(process.execPath, [bin, ...args], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', full] });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('payroll\n');
    } finally {
      closeSync(full);
    }
  });

  it('loads the yaml package only for a file the fast reader does not read', () => {
    const librariesLoaded = (files: Record<string, string>) => {
      const args = ['--require', join(repo, 'tests', 'helpers', 'report-yaml-libraries.cjs'), bin, 'validate', '--root', tempDir(files), '--no-cache'];
      return /YAML libraries: (.*)/.exec(spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' }).stderr)?.[1];
    };
    // b.yaml: a finding to place in a file the fast reader read: the fast reader places it.
    expect(librariesLoaded({ 'a.yaml': 'workloads:\n  - { id: crm, name: CRM, owner: Ana }\n', 'b.yaml': 'workloads:\n  - { id: erp, name: ERP, owner: Ana, wave: nowhere }\n' })).toBe('none');
    // A folded scalar, an anchor: the yaml package reads the file.
    expect(librariesLoaded({ 'a.yaml': 'workloads:\n  - id: crm\n    name: >\n      CRM\n    owner: Ana\n' })).toBe('yaml');
    expect(librariesLoaded({ 'a.yaml': 'workloads:\n  - &a { id: crm, name: CRM, owner: Ana }\n' })).toBe('yaml');
  });

  it('exits 2 on a usage error', () => {
    const result = backlog('validate', '--no-such-flag');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('ends quietly when the reader of stdout goes away', async () => {
    // A warning of some 260 bytes each: four times what a pipe holds, so the writer is still writing when the reader goes.
    const lines = Array.from({ length: 1000 }, (_, i) => `  - { id: w${i}, name: W }`).join('\n');
    const root = tempDir({ 'backlog.yaml': `workloads:\n${lines}\n` });
    const child = spawn(process.execPath, [join(repo, 'bin', 'backlog.js'), 'validate', '--root', root, '--no-cache'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first chunk, then hang up, as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    // Warnings only (no owners): the run still ends with its own exit code.
    expect(code).toBe(0);
  });
});
