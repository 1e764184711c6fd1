// `backlog init [DIR]`: a starter backlog that validates clean and passes `fmt --check`, a CI
// workflow, editor settings and the schema they point at. It never writes over anything.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COLLECTION_NAMES } from '../../schemas/collections.js';
import { backlogArgs } from '../helpers/command-line.js';
import { git, gitRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { workflowErrors } from '../helpers/workflow-lint.js';
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
  '.vscode/settings.json',
  '.backlog/backlog.schema.json',
];
const WORKFLOW = '.github/workflows/backlog.yml';
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('backlog init', () => {
  it('creates the listed files, and the new backlog validates clean and passes fmt --check', async () => {
    const cwd = tempDir();
    const result = await runCli(['init', 'new-backlog'], { cwd });
    expect(result).toEqual({
      code: 0,
      stdout: `Started a backlog in new-backlog:\n${FILES.map((path) => `  ${path}\n`).join('')}and its CI, for a git repository made in new-backlog: new-backlog/${WORKFLOW}\nNext: edit the examples, then \`backlog validate --root new-backlog\`.\n`,
      stderr: '',
    });
    const root = join(cwd, 'new-backlog');
    expect(Object.keys(snapshot(root)).sort()).toEqual([...FILES, WORKFLOW].sort());

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
      stderr: `backlog: b already has ${[...FILES, WORKFLOW].join(', ')}: init writes nothing over existing files\nhint: run it in a new folder\n`,
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

// The CI goes where the service reads it: the top of the git repository, not the backlog folder.
describe('backlog init: the CI', () => {
  /** A team's repository, with the backlog to be started in migration/: one git process, as init looks only for its top. */
  const teamRepository = () => {
    const top = tempDir({ 'README.md': '# Our migration\n' });
    git(top, ['init', '-q']);
    return top;
  };

  it('writes a GitHub workflow at the top of the git repository that validates the backlog folder with the version pinned', async () => {
    const top = teamRepository();
    const result = await runCli(['init', 'migration'], { cwd: join(top) });
    expect(result.stdout).toContain(`and its CI at the top of the git repository: ${WORKFLOW}\n`);
    expect(existsSync(join(top, 'migration', '.github'))).toBe(false);

    const text = read(top, WORKFLOW);
    expect(workflowErrors(text)).toEqual([]);
    const steps = (parse(text) as { jobs: { validate: { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> } } }).jobs.validate.steps;
    const runs = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual([`npx --yes migration-backlog@${version} validate --root migration -f github -f sarif=backlog.sarif`]);
    expect(steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))?.with).toMatchObject({ sarif_file: 'backlog.sarif' });

    // The command as the job runs it, from the top: the new backlog passes, and SARIF is written.
    const validated = await runCli(backlogArgs(runs[0]!), { cwd: top });
    expect(validated).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(read(top, 'backlog.sarif')).runs[0].results).toEqual([]);
  });

  it("installs the version the repository's package.json pins when it lists the package (README, \"Install\"): npm ci, then npx backlog", async () => {
    for (const field of ['devDependencies', 'dependencies']) {
      const top = teamRepository();
      writeFileSync(join(top, 'package.json'), JSON.stringify({ name: 'team', private: true, [field]: { 'migration-backlog': 'git+https://example.com/backlog.git' } }));
      writeFileSync(join(top, field === 'dependencies' ? 'npm-shrinkwrap.json' : 'package-lock.json'), '{}');
      expect((await runCli(['init', 'migration'], { cwd: top })).code).toBe(0);
      const text = read(top, WORKFLOW);
      expect(workflowErrors(text)).toEqual([]);
      expect(text).toContain('# Written by `backlog init`: the version is the one package.json and its lock file install.\n');
      const steps = (parse(text) as { jobs: { validate: { steps: Array<{ run?: string; uses?: string; with?: Record<string, unknown> }> } } }).jobs.validate.steps;
      expect(steps.find((step) => step.uses === 'actions/setup-node@v4')?.with).toEqual({ 'node-version': 20, cache: 'npm' });
      expect(steps.flatMap((step) => (step.run ? [step.run] : []))).toEqual(['npm ci', 'npx backlog validate --root migration -f github -f sarif=backlog.sarif']);
      expect((await runCli(['init', 'other', '--ci', 'gitlab'], { cwd: top })).code).toBe(0);
      expect((parse(read(top, '.gitlab-ci.yml')) as { backlog: GitLabJob }).backlog.script).toEqual([
        'npm ci',
        'npx backlog validate --root "$BACKLOG_ROOT" -f stylish -f gitlab=gl-code-quality-report.json -f junit=backlog-junit.xml',
      ]);
    }
    // A package.json that is no JSON, or one without the lock file npm ci needs: the published version.
    for (const [manifest, lock] of [['{ not json', true], [JSON.stringify({ devDependencies: { 'migration-backlog': '^0.1.0' } }), false]] as const) {
      const top = teamRepository();
      writeFileSync(join(top, 'package.json'), manifest);
      if (lock) writeFileSync(join(top, 'package-lock.json'), '{}');
      expect((await runCli(['init', 'migration'], { cwd: top })).code).toBe(0);
      expect(read(top, WORKFLOW)).toContain(`run: npx --yes migration-backlog@${version} validate`);
    }
  });

  it('quotes a backlog folder whose name the shell or YAML would split', async () => {
    const top = teamRepository();
    expect((await runCli(['init', "our plans #2: it's big"], { cwd: top })).code).toBe(0);
    const text = read(top, WORKFLOW);
    expect(workflowErrors(text)).toEqual([]);
    const run = (parse(text) as { jobs: { validate: { steps: Array<{ run?: string }> } } }).jobs.validate.steps.find((step) => step.run)!.run!;
    expect(await runCli(backlogArgs(run), { cwd: top })).toMatchObject({ code: 0 });
  });

  it('writes the GitLab job with --ci gitlab: Code Quality and JUnit reports of the backlog folder', async () => {
    const top = teamRepository();
    expect((await runCli(['init', 'plans/migration', '--ci', 'gitlab'], { cwd: top })).code).toBe(0);
    expect(existsSync(join(top, WORKFLOW))).toBe(false);
    const job = (parse(read(top, '.gitlab-ci.yml')) as { backlog: GitLabJob }).backlog;
    expect(job.variables.BACKLOG_ROOT).toBe('plans/migration');
    expect(job.script).toEqual([`npx --yes migration-backlog@${version} validate --root "$BACKLOG_ROOT" -f stylish -f gitlab=gl-code-quality-report.json -f junit=backlog-junit.xml`]);
    expect(job.artifacts).toEqual({ when: 'always', reports: { codequality: 'gl-code-quality-report.json', junit: 'backlog-junit.xml' } });

    const validated = await runCli(backlogArgs(job.script[0]!, { BACKLOG_ROOT: job.variables.BACKLOG_ROOT }), { cwd: top });
    expect(validated.code).toBe(0);
    expect(validated.stdout).toBe('✔ no problems (10 files, 9 entities)\n');
    expect(JSON.parse(read(top, 'gl-code-quality-report.json'))).toEqual([]);
    expect(read(top, 'backlog-junit.xml')).toContain('<testsuites');
  });

  it('is the template ci/backlog.gitlab-ci.yml for a backlog at the top', async () => {
    const top = teamRepository();
    expect((await runCli(['init', '--ci', 'gitlab'], { cwd: top })).code).toBe(0);
    await expect(read(top, '.gitlab-ci.yml')).toMatchFileSnapshot(join(import.meta.dirname, '..', '..', 'ci', 'backlog.gitlab-ci.yml'));
  });

  // Was a bug, kept as a regression test: at the top of a repository, the YAML of other tools (and
  // the GitLab job init writes) were read as backlog files: the first pipeline failed on
  // UNKNOWN_COLLECTION, and `fmt` rewrote docker-compose.yml in a backlog's layout.
  it('at the top of a repository, leaves out the YAML files of other tools and its own CI file: clean, and fmt touches none', async () => {
    const top = teamRepository();
    const others = {
      'docker-compose.yml': 'services:\n    web:\n        image: nginx\n',
      '.pre-commit-config.yaml': 'repos:\n-   repo: local\n    hooks: []\n',
      'k8s/base/deploy.yaml': 'kind: Deployment\n',
      // A playbook is a list; a name that a glob would read as syntax; an inventory in a folder named like a collection.
      'site.yml': '- hosts: all\n  roles: [web]\n',
      '[ops]!.yaml': 'owner: ops\n',
      'servers/hosts.yml': 'all:\n  hosts: { a: {} }\n',
    };
    // A backlog file already there stays in the backlog, and its folder with it.
    const legacy = 'workloads:\n  - { id: legacy, name: Legacy, owner: Ana, criticality: low, priority: low, strategy: retire, status: assessing }\n';
    for (const [path, text] of Object.entries(others)) {
      mkdirSync(join(top, path, '..'), { recursive: true });
      writeFileSync(join(top, path), text);
    }
    mkdirSync(join(top, 'workloads'));
    writeFileSync(join(top, 'workloads', 'legacy.yaml'), legacy);
    const result = await runCli(['init', '--ci', 'gitlab'], { cwd: top });
    expect(result.code).toBe(0);
    const globs = ['.pre-commit-config.yaml', '\\[ops\\]\\!.yaml', 'docker-compose.yml', 'k8s/**', 'servers/hosts.yml', 'site.yml', '.gitlab-ci.yml'];
    expect(result.stdout.split('\n').slice(-3)).toEqual([`left out of the backlog, as files of something else (\`exclude\` in backlog.yaml): ${globs.join(', ')}`, 'Next: edit the examples, then `backlog validate`.', '']);
    expect(read(top, 'backlog.yaml')).toContain(`  exclude: [${['*.draft.yaml', ...globs].map((glob) => `'${glob}'`).join(', ')}]\n`);
    expect(await runCli(['validate'], { cwd: top })).toEqual({ code: 0, stdout: '✔ no problems (11 files, 10 entities)\n', stderr: '' });
    expect(read(top, 'workloads/legacy.yaml')).toBe(legacy);
    expect(await runCli(['fmt', '--check'], { cwd: top })).toEqual({ code: 0, stdout: '', stderr: '' });
    for (const [path, text] of Object.entries(others)) expect(read(top, path)).toBe(text);
  });

  it('writes no CI with --ci none, and refuses an unknown service', async () => {
    const top = teamRepository();
    const result = await runCli(['init', 'migration', '--ci', 'none'], { cwd: top });
    expect(result.stdout).not.toContain('CI');
    expect(existsSync(join(top, '.github')) || existsSync(join(top, '.gitlab-ci.yml'))).toBe(false);
    const unknown = await runCli(['init', 'other', '--ci', 'jenkins'], { cwd: top });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: option '--ci <service>' argument 'jenkins' is invalid. Allowed choices are github, gitlab, none.");
    expect(existsSync(join(top, 'other'))).toBe(false);
  });

  it('refuses when the repository already has that CI file, and says how to go without it', async () => {
    const top = gitRepo([{ message: 'start', files: { '.gitlab-ci.yml': 'test:\n  script: [make test]\n' } }]);
    const result = await runCli(['init', 'migration', '--ci', 'gitlab'], { cwd: top });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'backlog: migration already has ../.gitlab-ci.yml: init writes nothing over existing files\nhint: --ci none leaves the CI out; add the job of ci/backlog.gitlab-ci.yml (README, "Install") to yours\n',
    });
    expect(existsSync(join(top, 'migration'))).toBe(false);
  });
});

interface GitLabJob {
  variables: Record<string, string>;
  script: string[];
  artifacts: unknown;
}
