import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../schemas/diagnostic-codes.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/run-cli.js';

const golden = (name: string) => join(import.meta.dirname, '..', 'golden', name);
const outside = tempDir();

describe('backlog rules', () => {
  it('lists every code with its default severity', async () => {
    const result = await runCli(['rules'], { cwd: outside });
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(golden('rules.table.txt'));
  });

  it('as JSON', async () => {
    const rules = JSON.parse((await runCli(['rules', '--format', 'json'], { cwd: outside })).stdout).rules;
    expect(rules.map((r: { code: string }) => r.code)).toEqual([...DIAGNOSTIC_CODES]);
    expect(rules[0]).toEqual({ code: 'YAML_SYNTAX', severity: 'error', description: 'The file is not parseable YAML, or not UTF-8 text.' });
  });

  it('shows the severities project.rules sets in this backlog', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  rules:\n    WAVE_ORDER: error\n    ORPHAN_SERVER: off\n' });
    const rules = (JSON.parse((await runCli(['rules', '--root', root, '--format', 'json'])).stdout) as { rules: Array<{ code: string; configured: string }> }).rules;
    const configured = Object.fromEntries(rules.map((r) => [r.code, r.configured]));
    expect(configured).toMatchObject({ WAVE_ORDER: 'error', ORPHAN_SERVER: 'off', MISSING_OWNER: 'warning', YAML_SYNTAX: 'error' });
  });
});

describe('backlog explain', () => {
  it('explains a code with an example and the fix', async () => {
    const result = await runCli(['explain', 'WAVE_ORDER']);
    expect(result.code).toBe(0);
    await expect(result.stdout).toMatchFileSnapshot(golden('explain.WAVE_ORDER.txt'));
  });

  it('takes lower case and dashes', async () => {
    expect((await runCli(['explain', 'wave-order'])).stdout).toBe((await runCli(['explain', 'WAVE_ORDER'])).stdout);
  });

  it.each(DIAGNOSTIC_CODES)('has text for %s', async (code) => {
    const { stdout, code: exit } = await runCli(['explain', code]);
    expect(exit).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${code} \\(default: (error|warning)\\)\\n.+\\n\\n.+\\n\\nExample\\n    .+[\\s\\S]*\\nFix: .+\\n$`));
  });
});

describe('the examples of backlog explain', () => {
  it.each(DIAGNOSTIC_CODES)('%s: its example, as a file, produces the code', async (code) => {
    const { CODES } = await import('../../src/validate/codes.js');
    const { validateDir } = await import('../helpers/validate-dir.js');
    const result = await validateDir(tempDir({ 'backlog.yaml': `${CODES[code].example}\n` }));
    expect(result.diagnostics.map((d) => d.code)).toContain(code);
  });
});

describe('rules and validate read project.rules alike', () => {
  it('with x- fields and a setting in error beside the good ones', async () => {
    const root = tempDir({ 'backlog.yaml': 'project:\n  x-team: infra\n  rules: { ORPHAN_SERVER: warn, MISSING_OWNER: error }\n' });
    const rules = (JSON.parse((await runCli(['rules', '--root', root, '--format', 'json'])).stdout) as { rules: Array<{ code: string; configured: string }> }).rules;
    const configured = Object.fromEntries(rules.map((r) => [r.code, r.configured]));
    expect(configured).toMatchObject({ MISSING_OWNER: 'error', ORPHAN_SERVER: 'warning' });
  });
});
