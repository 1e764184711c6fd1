// The JSON Schema of a backlog file, as its consumers read it (issue 21, item 11): ajv compiles
// it in strict mode; and the YAML language server (what an editor runs) accepts what the CLI
// accepts and says what is wrong in words, not in a regular expression.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editorProblems } from '../helpers/yaml-language-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schemas', 'backlog.schema.json'), 'utf8')) as object;

/** A file the CLI reads without a finding: an empty owner, an IPv6 address with a zone, a mapped IPv4, a figure as text. */
const ACCEPTED = `workloads:
  - id: a
    name: A
    owner:
    tags:
    priority: high
    milestone: 2027-02-26
servers:
  - { id: S1, workloads: [a], ips: ["fe80::1%eth0", "::ffff:10.0.0.1", "10.0.0.1", "2001:db8::1"] }
outcomes:
  - { id: o, title: T, metrics: [{ id: m, name: M, baseline: 1, target: "90%", current: 0.5 }] }
`;

describe('the backlog JSON Schema and its consumers', () => {
  it('compiles with ajv in strict mode (formats from ajv-formats), and accepts what the CLI accepts', async () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(parse(ACCEPTED))).toBe(true);
    const cli = await runCli(['validate', '--root', tempDir({ 'backlog.yaml': ACCEPTED }), '-f', 'json']);
    // An empty owner is no owner: a warning, not an error.
    expect(JSON.parse(cli.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['MISSING_OWNER']);
  });

  it('the YAML language server accepts it too: an empty owner, zoned and mapped addresses', async () => {
    expect(await editorProblems(ACCEPTED)).toEqual([]);
  });

  it('the YAML language server says what is wrong in words', async () => {
    const problems = await editorProblems('workloads:\n  - id: a\n    name: A\n    owner: o\n    milestone: 2026-13-45\n    priority: urgent\nservers:\n  - { id: S1, ips: ["not-an-address"] }\n');
    for (const problem of problems) {
      expect(problem.message.length).toBeLessThan(120);
      expect(problem.message).not.toContain('(?:');
    }
    expect(problems).toEqual([
      { line: 5, message: 'String is not a RFC3339 date.' },
      { line: 6, message: 'Value is not accepted. Valid values: "high", "medium", "low".' },
      { line: 8, message: 'String does not match IPv4 format.' },
    ]);
  });
});
