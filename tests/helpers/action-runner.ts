// The runner's side of the GitHub Action's tests, for the bundle run as a process
// (tests/e2e/action.test.ts) and for the action run in the test's process
// (tests/action/action-step.test.ts): a pull request's clone, the runner's variables with the
// inputs as INPUT_<NAME> (action.yml's defaults filled in, as the runner does), and a stand-in
// GitHub API on 127.0.0.1 that records the requests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectStatic } from 'vitest';
import { parse } from 'yaml';
import { git, gitRepo } from './git-repo.js';
import type { GitHubApiStub, StubComment } from './github-api-stub.js';
import { tempDir } from './temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
export const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; main: string } };

/** The inputs the README's workflow gives the action. */
export const readmeInputs = (() => {
  const workflow = /<!-- install-workflow -->\n```yaml\n([\s\S]*?)```/.exec(readFileSync(join(repo, 'README.md'), 'utf8'))![1]!;
  const steps = Object.values((parse(workflow) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> }).jobs)[0]!.steps;
  return steps.find((step) => step.uses?.includes('/backlog@'))!.with!;
})();

const PULL_REQUEST = 7;
export const COMMENTS = `/repos/contoso/migration/issues/${PULL_REQUEST}/comments`;
export const BACKLOG = readFileSync(join(repo, 'tests', 'fixtures', 'clean', 'backlog.yaml'), 'utf8');
export const WORKLOAD = 'workloads:\n  - id: payroll\n    name: Payroll\n    owner: Ana\n    priority: medium\n';

export interface RunnerEvent {
  name: string;
  payload: object;
}
export const PULL_REQUEST_EVENT: RunnerEvent = { name: 'pull_request', payload: { pull_request: { number: PULL_REQUEST } } };
export const PUSH_EVENT: RunnerEvent = { name: 'push', payload: {} };

/** A clone on a pull request's branch, the base branch fetched as origin/main. */
export function pullRequestClone(branchFiles: Record<string, string | null>): string {
  const dir = gitRepo([
    { message: 'The backlog', files: { 'migration/backlog.yaml': BACKLOG, 'migration/payroll.yaml': WORKLOAD, 'README.md': '# Our migration\n' } },
    { message: 'The change', branch: 'change', files: branchFiles },
  ]);
  git(dir, ['update-ref', 'refs/remotes/origin/main', 'main']);
  return dir;
}

/** The files the runner keeps for a step (the event, the outputs, the job summary) and its variables. */
export interface RunnerFiles {
  dir: string;
  env: Record<string, string | undefined>;
}

/** A runner's step in `workspace`: the inputs given, action.yml's defaults for the others; the API at `stub`. */
export function runnerFor(workspace: string, stub: GitHubApiStub | undefined, inputs: Record<string, string>, event: RunnerEvent): RunnerFiles {
  const dir = tempDir({ 'event.json': JSON.stringify(event.payload), output: '', summary: '' });
  const inputVariables = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, inputs[name] ?? (input.default === '${{ github.token }}' ? 'job-token' : (input.default ?? ''))]),
  );
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: 'contoso/migration',
    GITHUB_API_URL: stub?.url ?? 'http://127.0.0.1:9',
    GITHUB_BASE_REF: event.name === 'pull_request' ? 'main' : '',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    BACKLOG_AS_OF: '2026-06-01',
    ...inputVariables,
  };
  return { dir, env };
}

export const requestsOf = (stub: GitHubApiStub) => stub.requests.map((r) => `${r.method} ${r.url}`);
export const someoneElse = (id: number): StubComment => ({ id, body: `Looks good to me (${id})` });

/**
 * The first run on the pull request, in process or from the bundle: its outputs, the comment
 * created after reading the pages of comments (with the token given), and the job summary.
 */
export function expectCommentCreated(expect: ExpectStatic, stub: GitHubApiStub, run: { outputs: Record<string, string>; log: string; summary: string }): void {
  expect(run.outputs).toEqual({ errors: '0', warnings: '0', changed: 'true' });
  expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`, `POST ${COMMENTS}`]);
  expect(stub.requests.every((r) => r.authorization === 'token first-token')).toBe(true);
  const posted = stub.comments.at(-1)!.body;
  expect(posted.startsWith('<!-- backlog-diff -->\n')).toBe(true);
  expect(posted).toContain('`payroll`');
  expect(run.log).toContain("backlog: the pull request's comment: created\n");
  // The job summary: the validation, then the diff.
  expect(run.summary).toMatch(/^### backlog validate\n\n✅ No problems \(2 files, 4 entities\)\.\n<!-- backlog-diff -->\n/);
}
