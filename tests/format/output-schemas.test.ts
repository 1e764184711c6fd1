// Every JSON output has a version, one key style, and a JSON Schema in schemas/output/ that
// documents its shape; the schemas compile in ajv's strict mode and every output below, from
// real runs, validates against its schema (issue 21, item 12).
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import backlogSchema from '../../schemas/backlog.schema.json' with { type: 'json' };
import { OUTPUT_NAMES, outputJsonSchema } from '../../schemas/output/json-schema.js';
import { gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '..', '..');
const contoso = join(repo, 'examples', 'contoso');
const query = join(repo, 'tests', 'fixtures', 'query');
const schemaFile = (name: string) => join(repo, 'schemas', 'output', `${name}.schema.json`);

const BASE = {
  'backlog.yaml': 'project:\n  rules: { MISSING_OWNER: error }\nwaves:\n  - { id: w1, order: 1 }\n  - { id: w2, order: 2 }\n',
  'workloads/pay.yaml': 'workloads:\n  - { id: pay, name: Payroll, owner: Ana, priority: medium, strategy: rehost, wave: w2 }\n  - { id: hr, name: HR, owner: Ben, strategy: rehost, wave: w1, status: migrated }\n',
};
const HEAD = {
  'workloads/pay.yaml': 'workloads:\n  - { id: pay, name: Payroll, owner: Ana, priority: high, strategy: rehost, wave: w1, depends_on: [hr, crm] }\n',
  'workloads/hr.yaml': 'workloads:\n  - { id: hr, name: HR, owner: Ben, strategy: rehost, wave: w2, status: migrated }\n',
};

/** Each output's runs: the command lines (and where they run) whose stdout it describes. */
function runs(git: string): Record<string, Array<{ args: string[]; cwd?: string }>> {
  return {
    validate: [{ args: ['validate', '--root', contoso, '-f', 'json'] }, { args: ['validate', '--root', join(repo, 'examples', 'broken'), '-f', 'json'] }],
    diff: [{ args: ['diff', 'HEAD~1', 'HEAD', '-f', 'json'], cwd: git }],
    list: [
      { args: ['list', '--root', contoso, '-f', 'json'] },
      { args: ['list', 'dependencies', '--root', contoso, '-f', 'json'] },
      { args: ['list', '--priority', '--root', query, '--columns', 'id,servers,cores,blocked_by,move_group,target.region,x-cost-centre', '-f', 'json'] },
    ],
    show: [{ args: ['show', 'payroll', '--root', contoso, '-f', 'json'] }, { args: ['show', 'server:PAYAPP01', '--root', contoso, '-f', 'json'] }, { args: ['show', 'wave-3', '--root', contoso, '-f', 'json'] }, { args: ['show', 'priority:dc-exit', '--root', contoso, '-f', 'json'] }],
    graph: [
      { args: ['graph', '--root', contoso, '-f', 'json'] },
      { args: ['graph', '--root', contoso, '--level', 'server', '--all-edges', '-f', 'json'] },
      { args: ['graph', '--root', contoso, '--level', 'wave', '-f', 'json'] },
    ],
    waves: [{ args: ['waves', '--root', contoso, '-f', 'json'] }],
    'waves-suggest': [{ args: ['waves', '--suggest', '--reassign', '--root', contoso, '-f', 'json'] }],
    report: [{ args: ['report', '--root', contoso, '-f', 'json'] }, { args: ['report', '--root', query, '-f', 'json'] }],
    'report-history': [{ args: ['report', '--history', '--since', '2026-01-01', '-f', 'json'], cwd: git }],
    log: [{ args: ['log', 'pay', '-f', 'json'], cwd: git }],
    rules: [{ args: ['rules', '-f', 'json'] }, { args: ['rules', '-f', 'json'], cwd: git }],
  };
}

/** Every key of a value, with the path it stands at. */
function keys(value: unknown, at = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((item) => keys(item, `${at}[]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [[key, at] as [string, string], ...keys(item, `${at}.${key}`)]);
}

/** Names the backlog gives its fields, and `list` its computed columns: a key that is one of them keeps its spelling. */
const BACKLOG_NAMES = new Set([...keys(backlogSchema).map(([key]) => key), 'depends_on_count', 'dependents_count', 'move_group', 'blocked_by', 'target.region']);

describe('JSON outputs', () => {
  const git = gitRepo([
    { message: 'base', files: BASE, date: '2026-02-01' },
    { message: 'plan', files: HEAD, date: '2026-03-01' },
  ]);
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);

  it('every output has a schema, and nothing else is in the list', () => {
    expect(Object.keys(runs(git)).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  describe.each(OUTPUT_NAMES)('%s', (name) => {
    it('its schema is the committed file, and compiles in ajv strict mode', async () => {
      const schema = outputJsonSchema(name);
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(schemaFile(name));
      expect(() => ajv.compile(schema)).not.toThrow();
    });

    it('real output: version 1 first, camelCase keys (backlog names aside), valid against the schema', async () => {
      const validate = ajv.getSchema(`https://unpkg.com/migration-backlog/schemas/output/${name}.schema.json`) ?? ajv.compile(outputJsonSchema(name));
      for (const { args, cwd } of runs(git)[name]!) {
        const result = await runCli(args, cwd ? { cwd } : {});
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeLessThanOrEqual(1);
        const output = JSON.parse(result.stdout) as Record<string, unknown>;
        expect(Object.keys(output)[0]).toBe('version');
        expect(output.version).toBe(1);
        const valid = validate(output);
        expect(validate.errors ?? [], args.join(' ')).toEqual([]);
        expect(valid).toBe(true);
        const odd = keys(output).filter(([key, at]) => !/^[a-z][a-zA-Z0-9]*$/.test(key) && !BACKLOG_NAMES.has(key) && !key.startsWith('x-') && !/\.(fields|items\[\])$/.test(at));
        expect(odd, args.join(' ')).toEqual([]);
      }
    });
  });
});
