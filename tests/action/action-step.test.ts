// What the GitHub Action does, run in this process as its entry runs it (actionStep): the inputs
// through @actions/core from the INPUT_ variables a runner sets, the comments through
// @actions/github's Octokit against a stand-in API on 127.0.0.1, and everything it says recorded.
// tests/e2e/action.test.ts runs the committed bundle as the runner does, for what only a process shows.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { describe, it } from 'vitest';
import { actionStep } from '../../src/action/action-step.js';
import { githubComments } from '../../src/action/github-comments.js';
import type { ActionOutput } from '../../src/action/run-action.js';
import { COMMENTS, expectCommentCreated, PULL_REQUEST_EVENT, PUSH_EVENT, BACKLOG, WORKLOAD, pullRequestClone, requestsOf, runnerFor, someoneElse, type RunnerEvent } from '../helpers/action-runner.js';
import { git, gitRepo } from '../helpers/git-repo.js';
import { apiStubsOfFile, type GitHubApiStub } from '../helpers/github-api-stub.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');

const apiStub = apiStubsOfFile();

type Call = [name: keyof ActionOutput, ...args: string[]];

interface StepRun {
  /** Every call the action made to its output, in order. */
  calls: Call[];
  /** What it wrote to the log (annotations included), in order. */
  log: string;
  warnings: string[];
  outputs: Record<string, string>;
  /** The messages it failed the step with: none when the step passes. */
  failed: string[];
  summary: string;
}

/** Runs the action's step with the inputs given and action.yml's defaults for the others. */
async function runStep(workspace: string, stub: GitHubApiStub | undefined, inputs: Record<string, string>, event: RunnerEvent = PULL_REQUEST_EVENT): Promise<StepRun> {
  const runner = runnerFor(workspace, stub, inputs, event);
  const calls: Call[] = [];
  const out: ActionOutput = {
    write: (text) => void calls.push(['write', text]),
    warning: (message) => void calls.push(['warning', message]),
    setOutput: (name, value) => void calls.push(['setOutput', name, value]),
    setFailed: (message) => void calls.push(['setFailed', message]),
  };
  const inputVariables = Object.fromEntries(Object.entries(runner.env).filter(([name]) => name.startsWith('INPUT_')));
  await actionStep(
    {
      env: runner.env,
      event: { eventName: event.name, payload: event.payload },
      cwd: workspace,
      temp: runner.dir,
      input: (name) => withVariables(inputVariables, () => core.getInput(name)),
      booleanInput: (name) => withVariables(inputVariables, () => core.getBooleanInput(name)),
    },
    out,
    (token, number) => githubComments(getOctokit(token, { baseUrl: runner.env.GITHUB_API_URL }), { owner: 'contoso', repo: 'migration', number }),
  );
  const argsOf = (name: keyof ActionOutput) => calls.filter((call) => call[0] === name).map((call) => call.slice(1));
  return {
    calls,
    log: argsOf('write').join(''),
    warnings: argsOf('warning').map(([message]) => message!),
    outputs: Object.fromEntries(argsOf('setOutput')),
    failed: argsOf('setFailed').map(([message]) => message!),
    summary: readFileSync(join(runner.dir, 'summary'), 'utf8'),
  };
}

/** Calls `read` with the variables set in this process's environment, as the runner sets them for the action's. */
function withVariables<T>(variables: Record<string, string | undefined>, read: () => T): T {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return read();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

// The runs wait on git and on the stand-in API: the tests run side by side.
describe.concurrent('the GitHub Action, in process', () => {
  it('comments the diff on a pull request, then updates its own comment on later pushes, across pages of comments', async ({ expect }) => {
    const workspace = pullRequestClone({ 'migration/payroll.yaml': WORKLOAD.replace('priority: medium', 'priority: high') });
    const stub = await apiStub([someoneElse(1), someoneElse(2), someoneElse(3)]);

    const first = await runStep(workspace, stub, { root: 'migration', token: 'first-token' });
    expect(first.failed).toEqual([]);
    expect(first.warnings).toEqual([]);
    expectCommentCreated(expect, stub, first);

    // A later push changes more: the same comment is updated, found on the second page.
    writeFileSync(join(workspace, 'migration', 'payroll.yaml'), WORKLOAD.replace('priority: medium', 'priority: high').replace('owner: Ana', 'owner: Bo'));
    git(workspace, ['commit', '-qam', 'Another push']);
    stub.requests.length = 0;
    const second = await runStep(workspace, stub, { root: 'migration' });
    expect(second.failed).toEqual([]);
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`, 'PATCH /repos/contoso/migration/issues/comments/1000']);
    expect(stub.requests.every((r) => r.authorization === 'token job-token')).toBe(true);
    expect(stub.comments).toHaveLength(4);
    expect(stub.comments[3]!.body).toContain('Bo');
    expect(stub.requests[2]!.body).toEqual({ body: stub.comments[3]!.body });
    expect(second.log).toContain("backlog: the pull request's comment: updated\n");

    // Run again on the same commit: the comment says it all already.
    stub.requests.length = 0;
    const third = await runStep(workspace, stub, { root: 'migration' });
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`]);
    expect(third.log).toContain("backlog: the pull request's comment: up to date\n");
  });

  it('posts nothing for a pull request that does not change the backlog, and updates an earlier comment to say so', async ({ expect }) => {
    const workspace = pullRequestClone({ 'README.md': '# Our migration, explained\n' });
    const [withoutComment, withComment] = await Promise.all([apiStub([someoneElse(1)]), apiStub([someoneElse(1), { id: 5, body: '<!-- backlog-diff -->\nan older diff' }])]);
    const [none, updated] = await Promise.all([runStep(workspace, withoutComment, { root: 'migration' }), runStep(workspace, withComment, { root: 'migration' })]);

    expect(none.failed).toEqual([]);
    expect(none.outputs.changed).toBe('false');
    expect(requestsOf(withoutComment)).toEqual([`GET ${COMMENTS}?per_page=100`]);
    expect(withoutComment.comments).toHaveLength(1);
    expect(none.log).toContain("backlog: the pull request's comment: not needed\n");

    expect(updated.failed).toEqual([]);
    expect(requestsOf(withComment)).toEqual([`GET ${COMMENTS}?per_page=100`, 'PATCH /repos/contoso/migration/issues/comments/5']);
    expect(withComment.comments[1]!.body).toMatch(/^<!-- backlog-diff -->\n### Backlog changes: .*\n\nNo changes to the backlog\.\n$/);
  });

  it('warns, and still validates, when the clone lacks the base of the pull request (no fetch-depth: 0)', async ({ expect }) => {
    // As a clone of the pull request's commit alone: no branch of the base.
    const workspace = gitRepo([{ message: 'The backlog', branch: 'pull/7/merge', files: { 'migration/backlog.yaml': BACKLOG } }]);
    const stub = await apiStub();
    const result = await runStep(workspace, stub, { root: 'migration' });
    expect(result.failed).toEqual([]);
    expect(result.outputs).toEqual({ errors: '0', warnings: '0', changed: 'false' });
    expect(result.warnings).toEqual(['backlog diff could not describe the pull request: the base of the pull request, origin/main (GITHUB_BASE_REF), is not in this clone (fetch it: `git fetch origin main`)']);
    expect(stub.requests).toEqual([]);
  });

  it('warns clearly when the token may not write to pull requests (403), and still validates', async ({ expect }) => {
    const workspace = pullRequestClone({ 'migration/payroll.yaml': WORKLOAD.replace('priority: medium', 'priority: high') });
    const stub = await apiStub();
    stub.forbidWrites = true;
    const result = await runStep(workspace, stub, { root: 'migration' });
    expect(result.failed).toEqual([]);
    expect(result.outputs).toEqual({ errors: '0', warnings: '0', changed: 'true' });
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `POST ${COMMENTS}`]);
    expect(result.warnings).toEqual([
      'backlog could not comment on pull request #7 (403: Resource not accessible by integration - https://docs.github.com/rest): the token may not write to pull requests. Give the job `permissions: pull-requests: write` (a pull request from a fork gets a read-only token: no comment then), or set `comment: false`.',
    ]);
    expect(result.log).not.toMatch(/\n\s+at /);

    stub.requests.length = 0;
    const noToken = await runStep(workspace, stub, { root: 'migration', token: '' });
    expect(noToken.failed).toEqual([]);
    expect(noToken.warnings).toEqual(["backlog has no token to comment on the pull request with: leave the `token` input out (the job's token), or give one."]);
    expect(stub.requests).toEqual([]);
  });

  it('fails the step as fail-on and max-warnings say, with annotations, outputs and SARIF; no API request outside pull requests', async ({ expect }) => {
    const workspace = tempDir();
    cpSync(join(repo, 'examples', 'broken'), join(workspace, 'broken'), { recursive: true });
    const stub = await apiStub();
    const [errors, warnings, tolerated] = await Promise.all([
      runStep(workspace, stub, { root: 'broken', sarif: 'backlog.sarif' }, PUSH_EVENT),
      runStep(workspace, stub, { root: 'broken/workloads.yaml/..', 'fail-on': 'never', 'max-warnings': '3' }, PUSH_EVENT),
      runStep(workspace, stub, { root: 'broken', 'fail-on': 'never' }, PUSH_EVENT),
    ]);
    expect(errors.outputs).toEqual({ errors: '17', warnings: '11', changed: 'false' });
    expect(errors.log).toContain('::error file=broken/backlog.yaml,line=20,col=11,endLine=20,endColumn=12,title=DUPLICATE_RANK::broken/backlog.yaml:20:11 priority `run-cost` has rank 1, like `dc-exit`\n');
    // The step fails last, after the annotations and the outputs.
    expect(errors.failed).toEqual(['backlog validate: 17 errors, 11 warnings (fail-on error)']);
    expect(errors.calls.at(-1)).toEqual(['setFailed', 'backlog validate: 17 errors, 11 warnings (fail-on error)']);
    expect(JSON.parse(readFileSync(join(workspace, 'backlog.sarif'), 'utf8')).runs[0].results).toHaveLength(28);
    expect(errors.summary).toMatch(/^### backlog validate\n\n\*\*17 errors, 11 warnings\*\* in 5 files/);

    expect(warnings.log).toContain('backlog: 11 warnings, more than --max-warnings 3\n');
    expect(warnings.failed).toEqual(['backlog validate: 17 errors, 11 warnings (fail-on never, max-warnings 3)']);
    expect(warnings.calls.at(-1)).toEqual(['setFailed', 'backlog validate: 17 errors, 11 warnings (fail-on never, max-warnings 3)']);

    expect(tolerated.failed).toEqual([]);
    expect(tolerated.outputs.errors).toBe('17');
    expect(stub.requests).toEqual([]);
  });

  it('stops with a message naming the input or the problem, never a stack trace', async ({ expect }) => {
    const workspace = tempDir();
    const [failOn, maxWarnings, comment, noBacklog] = await Promise.all([
      runStep(workspace, undefined, { 'fail-on': 'sometimes' }),
      runStep(workspace, undefined, { 'max-warnings': 'x' }),
      runStep(workspace, undefined, { comment: 'maybe' }),
      runStep(workspace, undefined, {}),
    ]);
    // Nothing but the failure: the step stops before it runs anything.
    expect(failOn.calls).toEqual([['setFailed', 'backlog: input fail-on: `sometimes` is not one of error, warning, info, never']]);
    expect(maxWarnings.calls).toEqual([['setFailed', 'backlog: input max-warnings: `x` is not a whole number, 0 or more']]);
    expect(comment.calls).toEqual([['setFailed', 'backlog: input comment: Input does not meet YAML 1.2 "Core Schema" specification: comment\nSupport boolean input list: `true | True | TRUE | false | False | FALSE`']]);
    expect(noBacklog.failed).toEqual([`backlog validate could not run: no backlog found: no backlog.yaml in ${workspace} or any folder above it`]);
    expect(noBacklog.log + noBacklog.failed.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('reports a failure of its own as a bug, with its stack', async ({ expect }) => {
    const calls: string[] = [];
    const out: ActionOutput = { write: () => undefined, warning: () => undefined, setOutput: () => undefined, setFailed: (message) => void calls.push(message) };
    const broken = () => {
      throw new Error('the runner went away');
    };
    await actionStep({ env: {}, event: { eventName: 'push', payload: {} }, cwd: tempDir(), temp: tempDir(), input: broken, booleanInput: broken }, out, () => {
      throw new Error('not asked for');
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^backlog: internal error: the runner went away\. This is a bug in the backlog action: please report it\.\nError: the runner went away\n\s+at /);
  });
});
