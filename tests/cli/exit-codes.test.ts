// The exit-code matrix of SPEC §3: 0 success, 1 findings, 2 usage or configuration, 3 I/O or internal.
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { run } from '../../src/cli/program.js';
import { runCli } from '../helpers/run-cli.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const root = (name: string) => join(fixtures, name);

describe('exit codes', () => {
  it.each([
    ['a clean backlog', ['validate', '--root', root('clean')], 0],
    ['errors', ['validate', '--root', root('unknown-reference')], 1],
    ['only warnings, failing on errors', ['validate', '--root', root('missing-owner')], 0],
    ['only warnings, --fail-on warning', ['validate', '--root', root('missing-owner'), '--fail-on', 'warning'], 1],
    ['errors, --fail-on never', ['validate', '--root', root('unknown-reference'), '--fail-on', 'never'], 0],
    ['an info, --fail-on info', ['validate', '--root', root('golden'), '--fail-on', 'info'], 1],
    ['warnings within --max-warnings', ['validate', '--root', root('wave-order'), '--max-warnings', '2'], 0],
    ['warnings over --max-warnings', ['validate', '--root', root('wave-order'), '--max-warnings', '1'], 1],
    ['an unknown command', ['frobnicate'], 2],
    ['an unknown option', ['validate', '--frobnicate'], 2],
    ['a bad --fail-on', ['validate', '--root', root('clean'), '--fail-on', 'sometimes'], 2],
    ['a bad --max-warnings', ['validate', '--root', root('clean'), '--max-warnings', 'lots'], 2],
    ['an unknown format', ['validate', '--root', root('clean'), '-f', 'xml'], 2],
    ['a bad --as-of', ['validate', '--root', root('clean'), '--as-of', '2026-13-01'], 2],
    ['a --root that does not exist', ['validate', '--root', join(fixtures, 'no-such-folder')], 2],
    ['a --root with no backlog files', ['validate', '--root', join(fixtures, '..', 'helpers')], 2],
    ['no command', [], 2],
    ['an unknown code to explain', ['explain', 'NOT_A_CODE'], 2],
    ['--help', ['--help'], 0],
    ['--version', ['--version'], 0],
    ['rules', ['rules'], 0],
    ['explain', ['explain', 'WAVE_ORDER'], 0],
    ['schema', ['schema'], 0],
  ])('%s', async (_name, args, code) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(code);
  });

  it('exits 2 when no backlog.yaml is found upwards, saying what to do', async () => {
    const result = await runCli(['validate'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^backlog: no backlog found: no backlog.yaml in .+ or any folder above it\nhint: /);
  });

  it('finds the root from a folder below it', async () => {
    const dir = tempDir({ 'backlog.yaml': 'workloads: [{ id: crm, name: CRM, owner: Ana }]\n', 'deep/er/x.txt': '' });
    expect((await runCli(['validate'], { cwd: join(dir, 'deep', 'er') })).code).toBe(0);
  });

  // Root reads anything: the permission cannot be taken away, so the case cannot be built.
  it.skipIf(process.getuid?.() === 0)('exits 3 on an unreadable file, without a stack trace', async () => {
    const dir = tempDir({ 'backlog.yaml': 'workloads: []\n', 'secret.yaml': 'servers: []\n' });
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const result = await runCli(['validate', '--root', dir]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^backlog: cannot read secret.yaml: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 when an output file cannot be written', async () => {
    const result = await runCli(['validate', '--root', root('clean'), '-f', `json=${join(fixtures, 'no-such-folder', 'out.json')}`]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^backlog: cannot write .*out\.json: ENOENT/);
  });

  it('says what a usage error is, on stderr, with nothing on stdout', async () => {
    const result = await runCli(['validate', '--frobnicate']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("error: unknown option '--frobnicate'");
  });

  it('says --base goes with --changed (exit 2)', async () => {
    expect(await runCli(['validate', '--root', root('clean'), '--base', 'main'])).toEqual({ code: 2, stdout: '', stderr: 'backlog: --base goes with --changed\n' });
  });
});

describe('internal errors', () => {
  const failingIO = (debug: boolean) => {
    let stderr = '';
    const io = {
      stdout: () => {
        throw new TypeError('stdout is gone');
      },
      stderr: (text: string) => void (stderr += text),
      cwd: process.cwd(),
      env: { BACKLOG_DEBUG: debug ? '1' : undefined },
      stdoutIsTTY: false,
      columns: undefined,
    };
    return { io, stderr: () => stderr };
  };

  it('exit 3 with "please report" and no stack trace', async () => {
    const { io, stderr } = failingIO(false);
    expect(await run(['rules'], io)).toBe(3);
    expect(stderr()).toBe('backlog: internal error: stdout is gone\nThis is a bug in backlog: please report it, with the command you ran.\n(run with --debug or BACKLOG_DEBUG=1 for the stack trace)\n');
  });

  it('with BACKLOG_DEBUG=1, the stack trace', async () => {
    const { io, stderr } = failingIO(true);
    expect(await run(['rules'], io)).toBe(3);
    expect(stderr()).toMatch(/TypeError: stdout is gone\n\s+at /);
  });
});

describe('several outputs in one run', () => {
  it('writes each FORMAT=FILE to its file and the rest to stdout', async () => {
    const out = tempDir();
    const result = await runCli(['validate', '--root', root('golden'), '-f', 'json', '-f', `sarif=${join(out, 'b.sarif')}`, '-f', `junit=${join(out, 'b.xml')}`]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ files: 4, entities: 9, errors: 3, warnings: 2, infos: 1 });
    expect(JSON.parse(readFileSync(join(out, 'b.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(out, 'b.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('appends a markdown summary to GITHUB_STEP_SUMMARY with the github format', async () => {
    const summary = join(tempDir({ 'summary.md': '# earlier step\n' }), 'summary.md');
    const result = await runCli(['validate', '--root', root('golden'), '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.stdout).toContain('::error file=');
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n### backlog validate\n')).toBe(true);
    expect(text).toContain('| ❌ error | `UNKNOWN_REFERENCE` |');
  });
});
