// The GitHub Action as the runner runs it: the committed bundle (action.yml's `main`) as a
// process, with the runner's environment — inputs as INPUT_<NAME> variables (with action.yml's
// defaults, as the runner fills them in), the event at GITHUB_EVENT_PATH, outputs through
// GITHUB_OUTPUT, the job summary at GITHUB_STEP_SUMMARY — against a stand-in GitHub API on
// 127.0.0.1 (GITHUB_API_URL) that records the requests.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { parse } from 'yaml';
import { git, gitRepo } from '../helpers/git-repo.js';
import { startGitHubApiStub, type GitHubApiStub, type StubComment } from '../helpers/github-api-stub.js';
import { runProcess } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; main: string } };
const PULL_REQUEST = 7;
/** The inputs the README's workflow gives the action. */
const readmeInputs = (() => {
  const workflow = /<!-- install-workflow -->\n```yaml\n([\s\S]*?)```/.exec(readFileSync(join(repo, 'README.md'), 'utf8'))![1]!;
  const steps = Object.values((parse(workflow) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> }).jobs)[0]!.steps;
  return steps.find((step) => step.uses?.includes('/backlog@'))!.with!;
})();
const COMMENTS = `/repos/contoso/migration/issues/${PULL_REQUEST}/comments`;

const BACKLOG = readFileSync(join(repo, 'tests', 'fixtures', 'clean', 'backlog.yaml'), 'utf8');
const WORKLOAD = 'workloads:\n  - id: payroll\n    name: Payroll\n    owner: Ana\n    priority: medium\n';

const stubs: GitHubApiStub[] = [];
afterAll(async () => {
  await Promise.all(stubs.map((stub) => stub.close()));
});

async function apiStub(comments: StubComment[] = []): Promise<GitHubApiStub> {
  const stub = await startGitHubApiStub(comments);
  stubs.push(stub);
  return stub;
}

/** A clone on a pull request's branch, the base branch fetched as origin/main. */
function pullRequestClone(branchFiles: Record<string, string | null>): string {
  const dir = gitRepo([
    { message: 'The backlog', files: { 'migration/backlog.yaml': BACKLOG, 'migration/payroll.yaml': WORKLOAD, 'README.md': '# Our migration\n' } },
    { message: 'The change', branch: 'change', files: branchFiles },
  ]);
  git(dir, ['update-ref', 'refs/remotes/origin/main', 'main']);
  return dir;
}

interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the action's bundle as the runner does, with the inputs given and action.yml's defaults for the others. */
async function runAction(workspace: string, stub: GitHubApiStub | undefined, inputs: Record<string, string>, event: { name: string; payload: object } = { name: 'pull_request', payload: { pull_request: { number: PULL_REQUEST } } }): Promise<ActionRun> {
  const runnerDir = tempDir({ 'event.json': JSON.stringify(event.payload), output: '', summary: '' });
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
    GITHUB_EVENT_PATH: join(runnerDir, 'event.json'),
    GITHUB_REPOSITORY: 'contoso/migration',
    GITHUB_API_URL: stub?.url ?? 'http://127.0.0.1:9',
    GITHUB_BASE_REF: event.name === 'pull_request' ? 'main' : '',
    GITHUB_OUTPUT: join(runnerDir, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerDir, 'summary'),
    RUNNER_TEMP: runnerDir,
    BACKLOG_AS_OF: '2026-06-01',
    ...inputVariables,
  };
  const result = await runProcess(process.execPath, [join(repo, action.runs.main)], { cwd: workspace, env });
  return { ...result, outputs: outputsOf(readFileSync(join(runnerDir, 'output'), 'utf8')), summary: readFileSync(join(runnerDir, 'summary'), 'utf8') };
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

const requestsOf = (stub: GitHubApiStub) => stub.requests.map((r) => `${r.method} ${r.url}`);
const someoneElse = (id: number): StubComment => ({ id, body: `Looks good to me (${id})` });

// The runs wait on git and on each other's processes: the tests run side by side.
describe.concurrent('the GitHub Action', () => {
  it('is a JavaScript action on node20 whose entry is the committed bundle', ({ expect }) => {
    expect(action.runs).toEqual({ using: 'node20', main: 'action/index.js' });
    expect(Object.keys(action.inputs)).toEqual(['root', 'fail-on', 'max-warnings', 'changed-only', 'sarif', 'comment', 'token']);
  });

  it("comments the diff on a pull request (the README's workflow), then updates its own comment on later pushes, across pages of comments", async ({ expect }) => {
    const workspace = pullRequestClone({ 'migration/payroll.yaml': WORKLOAD.replace('priority: medium', 'priority: high') });
    const stub = await apiStub([someoneElse(1), someoneElse(2), someoneElse(3)]);

    expect(readmeInputs).toEqual({ root: 'migration' });
    const first = await runAction(workspace, stub, { ...readmeInputs, token: 'first-token' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outputs).toEqual({ errors: '0', warnings: '0', changed: 'true' });
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`, `POST ${COMMENTS}`]);
    expect(stub.requests.every((r) => r.authorization === 'token first-token')).toBe(true);
    const posted = stub.comments.at(-1)!.body;
    expect(posted.startsWith('<!-- backlog-diff -->\n')).toBe(true);
    expect(posted).toContain('`payroll`');
    expect(first.stdout).toContain("backlog: the pull request's comment: created\n");
    // The job summary: the validation, then the diff.
    expect(first.summary).toMatch(/^### backlog validate\n\n✅ No problems \(2 files, 4 entities\)\.\n<!-- backlog-diff -->\n/);

    // A later push changes more: the same comment is updated, found on the second page.
    writeFileSync(join(workspace, 'migration', 'payroll.yaml'), WORKLOAD.replace('priority: medium', 'priority: high').replace('owner: Ana', 'owner: Bo'));
    git(workspace, ['commit', '-qam', 'Another push']);
    stub.requests.length = 0;
    const second = await runAction(workspace, stub, { root: 'migration' });
    expect(second.code).toBe(0);
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`, 'PATCH /repos/contoso/migration/issues/comments/1000']);
    expect(stub.comments).toHaveLength(4);
    expect(stub.comments[3]!.body).toContain('Bo');
    expect(stub.requests[2]!.body).toEqual({ body: stub.comments[3]!.body });

    // Run again on the same commit: the comment says it all already.
    stub.requests.length = 0;
    const third = await runAction(workspace, stub, { root: 'migration' });
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `GET ${COMMENTS}?per_page=100&page=2`]);
    expect(third.stdout).toContain("backlog: the pull request's comment: up to date\n");
  });

  it('posts nothing for a pull request that does not change the backlog, and updates an earlier comment to say so', async ({ expect }) => {
    const workspace = pullRequestClone({ 'README.md': '# Our migration, explained\n' });
    const [withoutComment, withComment] = await Promise.all([apiStub([someoneElse(1)]), apiStub([someoneElse(1), { id: 5, body: '<!-- backlog-diff -->\nan older diff' }])]);
    const [none, updated] = await Promise.all([runAction(workspace, withoutComment, { root: 'migration' }), runAction(workspace, withComment, { root: 'migration' })]);

    expect(none.code).toBe(0);
    expect(none.outputs.changed).toBe('false');
    expect(requestsOf(withoutComment)).toEqual([`GET ${COMMENTS}?per_page=100`]);
    expect(withoutComment.comments).toHaveLength(1);

    expect(updated.code).toBe(0);
    expect(requestsOf(withComment)).toEqual([`GET ${COMMENTS}?per_page=100`, 'PATCH /repos/contoso/migration/issues/comments/5']);
    expect(withComment.comments[1]!.body).toMatch(/^<!-- backlog-diff -->\n### Backlog changes: .*\n\nNo changes to the backlog\.\n$/);
  });

  it('warns, and still validates, when the clone lacks the base of the pull request (no fetch-depth: 0)', async ({ expect }) => {
    // As a clone of the pull request's commit alone: no branch of the base.
    const workspace = gitRepo([{ message: 'The backlog', branch: 'pull/7/merge', files: { 'migration/backlog.yaml': BACKLOG } }]);
    const stub = await apiStub();
    const result = await runAction(workspace, stub, { root: 'migration' });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ errors: '0', warnings: '0', changed: 'false' });
    expect(result.stdout).toContain('::warning::backlog diff could not describe the pull request: the base of the pull request, origin/main (GITHUB_BASE_REF), is not in this clone (fetch it: `git fetch origin main`)\n');
    expect(stub.requests).toEqual([]);
  });

  it('warns clearly when the token may not write to pull requests (403), and still validates', async ({ expect }) => {
    const workspace = pullRequestClone({ 'migration/payroll.yaml': WORKLOAD.replace('priority: medium', 'priority: high') });
    const stub = await apiStub();
    stub.forbidWrites = true;
    const result = await runAction(workspace, stub, { root: 'migration' });
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ errors: '0', warnings: '0', changed: 'true' });
    expect(requestsOf(stub)).toEqual([`GET ${COMMENTS}?per_page=100`, `POST ${COMMENTS}`]);
    expect(result.stdout).toContain(
      '::warning::backlog could not comment on pull request #7 (403: Resource not accessible by integration - https://docs.github.com/rest): the token may not write to pull requests. Give the job `permissions: pull-requests: write` (a pull request from a fork gets a read-only token: no comment then), or set `comment: false`.\n',
    );
    expect(result.stdout).not.toMatch(/\n\s+at /);

    stub.requests.length = 0;
    const noToken = await runAction(workspace, stub, { root: 'migration', token: '' });
    expect(noToken.code).toBe(0);
    expect(noToken.stdout).toContain("::warning::backlog has no token to comment on the pull request with: leave the `token` input out (the job's token), or give one.\n");
    expect(stub.requests).toEqual([]);
  });

  it('fails the step as fail-on and max-warnings say, with annotations, outputs and SARIF; no API request outside pull requests', async ({ expect }) => {
    const workspace = tempDir();
    cpSync(join(repo, 'examples', 'broken'), join(workspace, 'broken'), { recursive: true });
    const stub = await apiStub();
    const push = { name: 'push', payload: {} };
    const [errors, warnings, tolerated] = await Promise.all([
      runAction(workspace, stub, { root: 'broken', sarif: 'backlog.sarif' }, push),
      runAction(workspace, stub, { root: 'broken/workloads.yaml/..', 'fail-on': 'never', 'max-warnings': '3' }, push),
      runAction(workspace, stub, { root: 'broken', 'fail-on': 'never' }, push),
    ]);
    expect(errors.code).toBe(1);
    expect(errors.outputs).toEqual({ errors: '17', warnings: '11', changed: 'false' });
    expect(errors.stdout).toContain('::error file=broken/backlog.yaml,line=20,col=11,endLine=20,endColumn=12,title=DUPLICATE_RANK::broken/backlog.yaml:20:11 priority `run-cost` has rank 1, like `dc-exit`\n');
    expect(errors.stdout.endsWith('::error::backlog validate: 17 errors, 11 warnings (fail-on error)\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace, 'backlog.sarif'), 'utf8')).runs[0].results).toHaveLength(28);
    expect(errors.summary).toMatch(/^### backlog validate\n\n\*\*17 errors, 11 warnings\*\* in 5 files/);

    expect(warnings.code).toBe(1);
    expect(warnings.stdout).toContain('backlog: 11 warnings, more than --max-warnings 3\n');
    expect(warnings.stdout.endsWith('::error::backlog validate: 17 errors, 11 warnings (fail-on never, max-warnings 3)\n')).toBe(true);

    expect(tolerated.code).toBe(0);
    expect(tolerated.outputs.errors).toBe('17');
    expect(stub.requests).toEqual([]);
  });

  it('stops with a message naming the input or the problem, never a stack trace', async ({ expect }) => {
    const workspace = tempDir();
    const [badInput, noBacklog] = await Promise.all([runAction(workspace, undefined, { 'fail-on': 'sometimes' }), runAction(workspace, undefined, { 'max-warnings': 'x' }), runAction(workspace, undefined, {})]).then(([a, b, c]) => {
      expect(b.stdout).toBe('::error::backlog: input max-warnings: `x` is not a whole number, 0 or more\n');
      return [a, c];
    });
    expect(badInput).toMatchObject({ code: 1, stdout: '::error::backlog: input fail-on: `sometimes` is not one of error, warning, info, never\n', stderr: '' });
    expect(noBacklog.code).toBe(1);
    expect(noBacklog.stdout).toContain(`::error::backlog validate could not run: no backlog found: no backlog.yaml in ${workspace} or any folder above it\n`);
    expect(noBacklog.stdout).not.toMatch(/\n\s+at /);
  });
});
