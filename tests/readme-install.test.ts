// The README's Install section and docs/ci.md: every workflow in them passes a workflow linter
// (action-validator) and asks the action only for inputs it has; the pre-commit configuration
// passes pre-commit's own check and names the hooks there are; the commands they show validate
// a backlog. (The action itself runs in e2e/action.test.ts, with the README's inputs; the npm lines
// in e2e/package.test.ts; the hooks through pre-commit try-repo in .ci/run.)
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { backlogArgs } from './helpers/command-line.js';
import { runProcess } from './helpers/process.js';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp-dir.js';
import { actionErrors, workflowErrors } from './helpers/workflow-lint.js';

const repo = join(import.meta.dirname, '..');
const text = (path: string) => readFileSync(join(repo, path), 'utf8');
const readme = text('README.md');
const ciDoc = text('docs/ci.md');
const version = (JSON.parse(text('package.json')) as { version: string }).version;
const actionInputs = Object.keys((parse(text('action.yml')) as { inputs: object }).inputs);
const hooks = parse(text('.pre-commit-hooks.yaml')) as Array<{ id: string; entry: string; pass_filenames: boolean }>;
const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

/** The yaml block after a marker comment. */
function snippet(doc: string, marker: string): string {
  const found = new RegExp(`<!-- ${marker} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(doc)?.[1];
  if (found === undefined) throw new Error(`no yaml block after <!-- ${marker} -->`);
  return found;
}

interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }> }>;
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('README: Install', () => {
  it('comes before the reference, near the top', () => {
    expect(readme.indexOf('\n## Install\n')).toBeGreaterThan(0);
    expect(readme.indexOf('\n## Install\n')).toBeLessThan(readme.indexOf('\n## Quick start\n'));
  });

  it('shows a complete workflow with the action that the linter accepts, with fetch-depth 0 and the permission to comment', () => {
    const source = snippet(readme, 'install-workflow');
    expect(workflowErrors(source)).toEqual([]);
    const workflow = parse(source) as Workflow;
    expect(workflow.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write' });
    const all = steps(workflow);
    expect(all.find((step) => step.uses === 'actions/checkout@v4')?.with).toEqual({ 'fetch-depth': 0 });
    const action = all.find((step) => step.uses?.endsWith(`/backlog@v${version}`));
    expect(action, `a step that uses the action at v${version}`).toBeDefined();
    expect(Object.keys(action!.with ?? {}).filter((name) => !actionInputs.includes(name))).toEqual([]);
  });

  it.skipIf(!hasPreCommit)('shows a pre-commit configuration that pre-commit accepts, naming the hooks there are at this version', async () => {
    const source = snippet(readme, 'install-pre-commit');
    const dir = tempDir({ '.pre-commit-config.yaml': source });
    const checked = await runProcess('pre-commit', ['validate-config', '.pre-commit-config.yaml'], { cwd: dir });
    expect(checked, checked.stdout + checked.stderr).toMatchObject({ code: 0 });
    const manifest = await runProcess('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], { cwd: repo });
    expect(manifest, manifest.stdout + manifest.stderr).toMatchObject({ code: 0 });
    const config = parse(source) as { repos: Array<{ rev: string; hooks: Array<{ id: string; args?: string[] }> }> };
    expect(config.repos[0]!.rev).toBe(`v${version}`);
    expect(config.repos[0]!.hooks.map((hook) => hook.id)).toEqual(hooks.map((hook) => hook.id));
  });

  it("runs the hooks' commands with the configuration's args on a backlog: clean, and broken", async () => {
    const config = parse(snippet(readme, 'install-pre-commit')) as { repos: Array<{ hooks: Array<{ id: string; args?: string[] }> }> };
    const top = tempDir();
    cpSync(join(repo, 'examples', 'contoso'), join(top, 'migration'), { recursive: true });
    for (const hook of config.repos[0]!.hooks) {
      const { entry, pass_filenames } = hooks.find((h) => h.id === hook.id)!;
      expect(pass_filenames).toBe(false);
      const args = [...entry.split(' ').slice(1), ...(hook.args ?? [])];
      expect(await runCli(args, { cwd: top })).toMatchObject({ code: 0, stderr: '' });
    }
    cpSync(join(repo, 'examples', 'broken'), join(top, 'migration'), { recursive: true });
    expect((await runCli(['validate', ...config.repos[0]!.hooks[0]!.args!], { cwd: top })).code).toBe(1);
  });
});

describe('docs/ci.md', () => {
  it('shows workflows the linter accepts, with the action or the pinned package', async () => {
    const withAction = snippet(ciDoc, 'ci-action-workflow');
    expect(workflowErrors(withAction)).toEqual([]);
    const action = steps(parse(withAction) as Workflow).find((step) => step.uses?.endsWith(`/backlog@v${version}`))!;
    expect(Object.keys(action.with!).filter((name) => !actionInputs.includes(name))).toEqual([]);
    // Every input the action has is in the table.
    for (const name of actionInputs) expect(ciDoc).toContain(`| \`${name}\` |`);

    const withPackage = snippet(ciDoc, 'ci-package-workflow');
    expect(workflowErrors(withPackage)).toEqual([]);
    const run = steps(parse(withPackage) as Workflow).find((step) => step.run)!.run!;
    expect(run.startsWith(`npx --yes migration-backlog@${version} validate `)).toBe(true);
    const top = tempDir();
    cpSync(join(repo, 'examples', 'contoso'), join(top, 'migration'), { recursive: true });
    expect(await runCli(backlogArgs(run), { cwd: top })).toMatchObject({ code: 0, stdout: '' });
  });

  it("shows the GitLab template's command", () => {
    const job = (parse(text('ci/backlog.gitlab-ci.yml')) as { backlog: { script: string[] } }).backlog;
    expect(ciDoc).toContain(`\n${job.script[0]}\n`);
  });

  it('and action.yml passes the linter', () => {
    expect(actionErrors(text('action.yml'))).toEqual([]);
  });
});
