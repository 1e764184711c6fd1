// `backlog init [DIR]`: a starter backlog that validates clean and passes `fmt --check`, a CI
// workflow, editor settings and the schema they point at. It never writes over anything.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { runCli } from '../helpers/run-cli.js';
import { read, snapshot, tempDir } from '../helpers/temp-dir.js';

const FILES = [
  'backlog.yaml',
  'workloads.yaml',
  'servers.yaml',
  'dependencies.yaml',
  'priorities.yaml',
  'assumptions.yaml',
  'outcomes.yaml',
  'waves.yaml',
  'remediations.yaml',
  'risks.yaml',
  '.github/workflows/backlog.yml',
  '.vscode/settings.json',
  '.backlog/backlog.schema.json',
];

describe('backlog init', () => {
  it('creates the listed files, and the new backlog validates clean and passes fmt --check', async () => {
    const cwd = tempDir();
    const result = await runCli(['init', 'new-backlog'], { cwd });
    expect(result).toEqual({
      code: 0,
      stdout: `Started a backlog in new-backlog:\n${FILES.map((path) => `  ${path}\n`).join('')}Next: edit the examples, then \`backlog validate --root new-backlog\`.\n`,
      stderr: '',
    });
    const root = join(cwd, 'new-backlog');
    expect(Object.keys(snapshot(root)).sort()).toEqual([...FILES].sort());

    expect(await runCli(['validate', '--root', root, '--fail-on', 'info'], { cwd })).toEqual({ code: 0, stdout: '✔ no problems (10 files, 9 entities)\n', stderr: '' });
    const json = JSON.parse((await runCli(['validate', '--root', root, '-f', 'json'], { cwd })).stdout) as { diagnostics: unknown[]; summary: { entities: number } };
    expect(json.diagnostics).toEqual([]);
    expect(await runCli(['fmt', '--check', '--root', root], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('writes one commented example of every collection, each file with the schema modeline', async () => {
    const root = join(tempDir(), 'b');
    await runCli(['init', root]);
    const project = parse(read(root, 'backlog.yaml')) as Record<string, unknown>;
    expect(Object.keys(project)).toEqual(['project']);
    for (const collection of COLLECTION_NAMES) {
      const text = read(root, `${collection}.yaml`);
      expect(text.startsWith('# yaml-language-server: $schema=.backlog/backlog.schema.json\n#\n# ')).toBe(true);
      expect(Object.keys(parse(text) as object)).toEqual([collection]);
      expect((parse(text) as Record<string, unknown[]>)[collection]).toHaveLength(1);
    }
    expect(read(root, 'backlog.yaml').startsWith('# yaml-language-server: $schema=.backlog/backlog.schema.json\n')).toBe(true);
  });

  it('maps the schema copy in .vscode/settings.json, and the copy equals `backlog schema`', async () => {
    const root = join(tempDir(), 'b');
    await runCli(['init', root]);
    const settings = JSON.parse(read(root, '.vscode/settings.json')) as { 'yaml.schemas': Record<string, string[]> };
    expect(Object.keys(settings)).toEqual(['yaml.schemas']);
    expect(Object.keys(settings['yaml.schemas'])).toEqual(['./.backlog/backlog.schema.json']);
    const globs = settings['yaml.schemas']['./.backlog/backlog.schema.json']!;
    expect(globs).toEqual(expect.arrayContaining(['backlog.yaml', 'workloads.yaml', 'servers.yaml', 'workloads/**/*.yaml', 'risks/**/*.yaml']));
    expect(globs).toHaveLength(1 + 2 * COLLECTION_NAMES.length);

    const schema = await runCli(['schema']);
    expect(schema.code).toBe(0);
    expect(read(root, '.backlog/backlog.schema.json')).toBe(schema.stdout);
    expect(JSON.parse(read(root, '.backlog/backlog.schema.json'))).toEqual(JSON.parse(schema.stdout));
  });

  it('writes a CI workflow that validates with annotations and uploads SARIF', async () => {
    const root = join(tempDir(), 'b');
    await runCli(['init', root]);
    const workflow = parse(read(root, '.github/workflows/backlog.yml')) as { jobs: { validate: { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> } } };
    const steps = workflow.jobs.validate.steps;
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npx --yes migration-backlog validate -f github -f sarif=backlog.sarif']);
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))?.with).toMatchObject({ sarif_file: 'backlog.sarif' });
  });

  it('starts a backlog in the current folder when no folder is given', async () => {
    const cwd = tempDir();
    const result = await runCli(['init'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Started a backlog in .:');
    expect(result.stdout.endsWith('Next: edit the examples, then `backlog validate`.\n')).toBe(true);
    expect((await runCli(['validate'], { cwd })).code).toBe(0);
  });

  it('refuses to run again (exit 2) and changes nothing', async () => {
    const cwd = tempDir();
    await runCli(['init', 'b'], { cwd });
    const root = join(cwd, 'b');
    writeFileSync(join(root, 'workloads.yaml'), `${read(root, 'workloads.yaml')}# edited by a person\n`);
    const before = snapshot(root);
    const again = await runCli(['init', 'b'], { cwd });
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: `backlog: b already has ${FILES.join(', ')}: init writes nothing over existing files\nhint: run it in a new folder\n`,
    });
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a folder that has any one of its files, writing none of the others', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'b'));
    writeFileSync(join(cwd, 'b', 'backlog.yaml'), '# mine\nproject:\n  name: Mine\n');
    const result = await runCli(['init', 'b'], { cwd });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'backlog: b already has backlog.yaml: init writes nothing over existing files\nhint: run it in a new folder\n' });
    expect(snapshot(join(cwd, 'b'))).toEqual({ 'backlog.yaml': '# mine\nproject:\n  name: Mine\n' });
  });

  it('starts a backlog in a folder that holds other things', async () => {
    const cwd = tempDir({ 'b/README.md': '# Our migration\n', 'b/.github/workflows/other.yml': 'name: other\n' });
    expect((await runCli(['init', 'b'], { cwd })).code).toBe(0);
    expect(read(join(cwd, 'b'), 'README.md')).toBe('# Our migration\n');
    expect(read(join(cwd, 'b'), '.github/workflows/other.yml')).toBe('name: other\n');
    expect((await runCli(['validate', '--root', 'b'], { cwd })).code).toBe(0);
  });

  it('gives a starter backlog that the query commands answer from', async () => {
    const root = join(tempDir(), 'b');
    await runCli(['init', root]);
    expect((await runCli(['list', '--root', root, '-f', 'ids'])).stdout).toBe('intranet\n');
    expect((await runCli(['export', 'servers', '--root', root])).stdout.split('\r\n')[1]).toMatch(/^INTRA01,intranet,/);
  });
});
