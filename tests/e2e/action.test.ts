// The GitHub Action as the runner runs it: the committed bundle (action.yml's `main`) as a
// process, with the runner's environment — inputs as INPUT_<NAME> variables, the event at
// GITHUB_EVENT_PATH, outputs through GITHUB_OUTPUT, the job summary at GITHUB_STEP_SUMMARY —
// against a stand-in GitHub API on 127.0.0.1 (GITHUB_API_URL) that records the requests. What the
// action does in every case is tested in process (tests/action/action-step.test.ts); here, what
// only the bundle shows: the runner's contract, the log's workflow commands, the exit code.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { action, expectCommentCreated, PULL_REQUEST_EVENT, PUSH_EVENT, WORKLOAD, pullRequestClone, readmeInputs, runnerFor, someoneElse, type RunnerEvent } from '../helpers/action-runner.js';
import { apiStubsOfFile, type GitHubApiStub } from '../helpers/github-api-stub.js';
import { runProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

const apiStub = apiStubsOfFile();

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's bundle as the runner does, with the inputs given and action.yml's defaults for the others. */
async function runAction(workspace: string, stub: GitHubApiStub | undefined, inputs: Record<string, string>, event: RunnerEvent = PULL_REQUEST_EVENT): Promise<ActionRun> {
  const runner = runnerFor(workspace, stub, inputs, event);
  const result = await runProcess(process.execPath, [join(repo, action.runs.main)], { cwd: workspace, env: runner.env });
  return { ...result, outputs: outputsOf(readFileSync(join(runner.dir, 'output'), 'utf8')), summary: readFileSync(join(runner.dir, 'summary'), 'utf8') };
}

/** Reads GITHUB_OUTPUT as the runner does: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
function outputsOf(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const end = lines.indexOf(match[2]!, i + 1);
    outputs[match[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

// The runs wait on git and on each other's processes: the tests run side by side.
describe.concurrent('the GitHub Action', () => {
  it('is a JavaScript action on node20 whose entry is the committed bundle', ({ expect }) => {
    expect(action.runs).toEqual({ using: 'node20', main: 'action/index.js' });
    expect(Object.keys(action.inputs)).toEqual(['root', 'fail-on', 'max-warnings', 'changed-only', 'sarif', 'comment', 'token']);
  });

  it("comments the diff on a pull request (the README's workflow): outputs, the comment over HTTP, the job summary", async ({ expect }) => {
    const workspace = pullRequestClone({ 'migration/payroll.yaml': WORKLOAD.replace('priority: medium', 'priority: high') });
    const stub = await apiStub([someoneElse(1), someoneElse(2), someoneElse(3)]);

    expect(readmeInputs).toEqual({ root: 'migration' });
    const first = await runAction(workspace, stub, { ...readmeInputs, token: 'first-token' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expectCommentCreated(expect, stub, { ...first, log: first.stdout });
  });

  it('fails the step on errors, with annotations, outputs and SARIF; no API request outside pull requests', async ({ expect }) => {
    const workspace = tempDir();
    cpSync(join(repo, 'examples', 'broken'), join(workspace, 'broken'), { recursive: true });
    const stub = await apiStub();
    const errors = await runAction(workspace, stub, { root: 'broken', sarif: 'backlog.sarif' }, PUSH_EVENT);
    expect(errors.code).toBe(1);
    expect(errors.outputs).toEqual({ errors: '17', warnings: '11', changed: 'false' });
    expect(errors.stdout).toContain('::error file=broken/backlog.yaml,line=20,col=11,endLine=20,endColumn=12,title=DUPLICATE_RANK::broken/backlog.yaml:20:11 priority `run-cost` has rank 1, like `dc-exit`\n');
    expect(errors.stdout.endsWith('::error::backlog validate: 17 errors, 11 warnings (fail-on error)\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace, 'backlog.sarif'), 'utf8')).runs[0].results).toHaveLength(28);
    expect(errors.summary).toMatch(/^### backlog validate\n\n\*\*17 errors, 11 warnings\*\* in 5 files/);
    expect(stub.requests).toEqual([]);
  });

  it('stops on a bad input with a message naming it, never a stack trace', async ({ expect }) => {
    const badInput = await runAction(tempDir(), undefined, { 'fail-on': 'sometimes' });
    expect(badInput).toMatchObject({ code: 1, stdout: '::error::backlog: input fail-on: `sometimes` is not one of error, warning, info, never\n', stderr: '' });
  });
});
