// The SARIF output validates against the official SARIF 2.1.0 schema (shipped in
// @microsoft/jest-sarif), for a backlog with findings of every severity and for a clean one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// ajv-draft-04 is CommonJS: under NodeNext its class is the default export's `default`.
const AjvDraft04 = AjvDraft04Module.default;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const fixtures = join(import.meta.dirname, '..', 'fixtures');

describe('SARIF', () => {
  it.each(['golden', 'clean', 'yaml-syntax', 'merge-conflict', 'duplicate-id'])('validates against the SARIF 2.1.0 schema: %s', async (name) => {
    const { stdout } = await runCli(['validate', '--root', join(fixtures, name), '-f', 'sarif']);
    const log = JSON.parse(stdout);
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('describes every rule and refers to it by index', async () => {
    const { stdout } = await runCli(['validate', '--root', join(fixtures, 'golden'), '-f', 'sarif']);
    const run = JSON.parse(stdout).runs[0];
    expect(run.tool.driver.rules).toHaveLength(23);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('keeps fingerprints when lines move', async () => {
    const before = await runCli(['validate', '--root', join(fixtures, 'unknown-reference'), '-f', 'sarif']);
    const { tempDir } = await import('../helpers/temp-dir.js');
    const text = readFileSync(join(fixtures, 'unknown-reference', 'backlog.yaml'), 'utf8');
    const moved = tempDir({ 'backlog.yaml': `# a comment\n# and another\n${text}` });
    const after = await runCli(['validate', '--root', moved, '-f', 'sarif']);
    const prints = (out: string) => JSON.parse(out).runs[0].results.map((r: { partialFingerprints: object }) => r.partialFingerprints);
    const lines = (out: string) => JSON.parse(out).runs[0].results.map((r: { locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => r.locations[0]!.physicalLocation.region.startLine);
    expect(lines(after.stdout)).toEqual(lines(before.stdout).map((line: number) => line + 2));
    expect(prints(after.stdout)).toEqual(prints(before.stdout));
  });

  // Was a bug (issue 21, item 10): `wave1:draft.yaml` was written as the uri `wave1:draft.yaml`,
  // which a URI reader takes as the scheme `wave1:`; `#` and `?` started a fragment or a query.
  it('writes each file as a relative URI that resolves to that file', async () => {
    const { tempDir } = await import('../helpers/temp-dir.js');
    const names = ['wave1:draft.yaml', 'plans/a#b?c.yaml', 'with space/ü.yaml', '%41.yaml'];
    const root = tempDir(Object.fromEntries(names.map((name, i) => [name, `workloads:\n  - { id: x${i}, name: X }\n`])));
    const { stdout } = await runCli(['validate', '--root', root, '-f', 'sarif']);
    const log = JSON.parse(stdout);
    expect(validateSarif(log)).toBe(true);
    const uris: string[] = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    const base = 'file:///repo/';
    const resolved = uris.map((uri) => new URL(uri, base));
    expect(resolved.map((url) => url.protocol)).toEqual(names.map(() => 'file:'));
    expect(resolved.map((url) => [url.search, url.hash])).toEqual(names.map(() => ['', '']));
    expect(resolved.map((url) => decodeURIComponent(url.pathname.slice('/repo/'.length))).sort()).toEqual([...names].sort());
  });
});
