// `validate -f gitlab`: GitLab's Code Quality report. GitLab reads only description, check_name,
// fingerprint, severity (info, minor, major, critical, blocker), location.path (from the top of
// the repository) and location.lines.begin; it matches findings across pipelines by
// fingerprint, and shows one finding per fingerprint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/cli/colour.js';
import { gitlab } from '../../src/format/validation/gitlab.js';
import { gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

async function report(args: string[], cwd?: string): Promise<CodeQualityIssue[]> {
  const result = await runCli(['validate', ...args, '-f', 'gitlab'], cwd ? { cwd } : {});
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as CodeQualityIssue[];
}

describe('validate -f gitlab', () => {
  it('gives each finding exactly the fields GitLab reads, with its severities', async () => {
    const issues = await report(['--root', join(fixtures, 'golden')]);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(Object.keys(issue)).toEqual(['description', 'check_name', 'fingerprint', 'severity', 'location']);
      expect(Object.keys(issue.location)).toEqual(['path', 'lines']);
      expect(Object.keys(issue.location.lines)).toEqual(['begin']);
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(issues.map((issue) => issue.severity))).toEqual(new Set(['info', 'minor', 'major']));
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
  });

  it('exits as validate does, and writes [] for a clean backlog', async () => {
    expect(await runCli(['validate', '--root', join(fixtures, 'golden'), '-f', 'gitlab'])).toMatchObject({ code: 1 });
    expect(await runCli(['validate', '--root', join(fixtures, 'clean'), '-f', 'gitlab'])).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('keeps fingerprints when lines move, so a merge request shows no finding as new', async () => {
    const text = readFileSync(join(fixtures, 'unknown-reference', 'backlog.yaml'), 'utf8');
    const before = await report(['--root', tempDir({ 'backlog.yaml': text })]);
    const after = await report(['--root', tempDir({ 'backlog.yaml': `# a comment\n# and another\n${text}` })]);
    expect(after.map((issue) => issue.location.lines.begin)).toEqual(before.map((issue) => issue.location.lines.begin + 2));
    expect(after.map((issue) => issue.fingerprint)).toEqual(before.map((issue) => issue.fingerprint));
  });

  it('places a finding that has no line on line 1: GitLab needs one', () => {
    const context = { style: createStyle(false), pathPrefix: 'migration/', sources: new Map<string, string>(), failOn: 'error' as const, toolVersion: '0.0.0' };
    const text = gitlab({ files: ['a.yaml'], entities: 0, diagnostics: [{ code: 'YAML_SYNTAX', severity: 'error', message: 'unreadable', file: 'a.yaml' }] }, context);
    expect(JSON.parse(text)).toEqual([{ description: 'unreadable', check_name: 'YAML_SYNTAX', fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), severity: 'major', location: { path: 'migration/a.yaml', lines: { begin: 1 } } }]);
  });

  it('gives paths from the top of the git repository, wherever the backlog is in it', async () => {
    const repo = gitRepo([{ message: 'start', files: { 'migration/backlog.yaml': readFileSync(join(fixtures, 'unknown-reference', 'backlog.yaml'), 'utf8') } }]);
    const issues = await report(['--root', 'migration'], repo);
    expect(issues.map((issue) => issue.location.path)).toEqual(issues.map(() => 'migration/backlog.yaml'));
  });
});
