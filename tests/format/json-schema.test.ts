// schemas/backlog.schema.json is the output of `backlog schema`, kept equal to the zod schemas.
// After changing a schema: `npm run schema` (or `npx vitest run -u`), and review the diff.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogJsonSchema } from '../../schemas/json-schema.js';
import { runCli } from '../helpers/run-cli.js';

const schemaFile = join(import.meta.dirname, '..', '..', 'schemas', 'backlog.schema.json');

describe('the JSON Schema', () => {
  it('is what `backlog schema` prints, and the committed file', async () => {
    const { stdout, code } = await runCli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.stringify(backlogJsonSchema(), null, 2)}\n`);
    await expect(stdout).toMatchFileSnapshot(schemaFile);
  });

  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const check = (yaml: string) => {
    const ok = validate(parse(yaml));
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('accepts a valid file with x- fields', () => {
    expect(check('workloads:\n  - { id: crm, name: CRM, status: migrated, x-cmdb: 12, target: { region: westeurope, x-note: a } }\nservers:\n  - { id: S1, ips: ["10.0.0.1", "::1"] }\n')).toEqual([]);
  });

  it('rejects unknown fields, unknown collections and bad values as validate does', () => {
    expect(check('workloads:\n  - { id: crm, name: CRM, prority: high }\n')).toEqual(['/workloads/0 must NOT have additional properties']);
    expect(check('workload: []\n')).toEqual([' must NOT have additional properties']);
    expect(check('workloads:\n  - { id: crm }\n')).toEqual(["/workloads/0 must have required property 'name'"]);
    // An optional field may be empty (null), as the CLI reads `priority:`: ajv says both what it is not.
    expect(check('workloads:\n  - { id: crm, name: CRM, priority: urgent }\n')).toEqual([
      '/workloads/0/priority must be equal to one of the allowed values',
      '/workloads/0/priority must be null',
      '/workloads/0/priority must match a schema in anyOf',
    ]);
  });
});
