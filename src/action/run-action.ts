// What the action does, given its inputs and the runner's context: `backlog validate` with
// annotations and the job summary (and SARIF when asked), the outputs, and on a pull request
// the `backlog diff` comment. It runs the CLI in this process (run()), so it does exactly what
// the documented commands do. It prints nothing itself: everything goes through `out`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../cli/program.js';
import type { CliIO } from '../cli/io.js';
import { errorMessage } from '../errors.js';
import { plural } from '../text/list.js';
import { upsertDiffComment, type PullRequestComments } from './diff-comment.js';
import type { ActionInputs } from './inputs.js';

/** What the action needs of the runner, read once by its entry. */
export interface RunnerContext {
  /** The checked-out repository (GITHUB_WORKSPACE): paths in inputs start here. */
  workspace: string;
  /** A folder for the action's own files (RUNNER_TEMP). */
  temp: string;
  /** The environment the CLI sees (GITHUB_STEP_SUMMARY, GITHUB_BASE_REF, ...). */
  env: Readonly<Record<string, string | undefined>>;
  /** Set on pull_request events: the pull request's number. */
  pullRequest: number | undefined;
}

/** Where the action's words go: the runner's log, its outputs and its step result. */
export interface ActionOutput {
  /** Text for the log as it is: workflow commands (annotations) included. */
  write(text: string): void;
  warning(message: string): void;
  setOutput(name: 'errors' | 'warnings' | 'changed', value: string): void;
  setFailed(message: string): void;
}

interface ValidationSummary {
  errors: number;
  warnings: number;
}

export async function runAction(inputs: ActionInputs, runner: RunnerContext, out: ActionOutput, comments: (pullRequest: number) => PullRequestComments): Promise<void> {
  const cli = (argv: string[]) => runCli(argv, runner, out);
  const root = inputs.root === undefined ? [] : ['--root', inputs.root];

  // The JSON envelope gives the counts for the outputs; annotations go to the log.
  const jsonFile = join(runner.temp, `backlog-${process.pid}.json`);
  const validated = await cli([
    'validate',
    ...root,
    '-f',
    'github',
    '-f',
    `json=${jsonFile}`,
    ...(inputs.sarif === undefined ? [] : ['-f', `sarif=${inputs.sarif}`]),
    '--fail-on',
    inputs.failOn,
    ...(inputs.maxWarnings === undefined ? [] : ['--max-warnings', String(inputs.maxWarnings)]),
    ...(inputs.changedOnly ? ['--changed'] : []),
  ]);
  out.write(validated.stdout);
  if (validated.code > 1) {
    out.write(validated.stderr);
    out.setFailed(`backlog validate could not run: ${firstLine(validated.stderr)}`);
    return;
  }
  const summary = (JSON.parse(readFileSync(jsonFile, 'utf8')) as { summary: ValidationSummary }).summary;
  out.setOutput('errors', String(summary.errors));
  out.setOutput('warnings', String(summary.warnings));

  let changed = false;
  if (runner.pullRequest !== undefined) changed = await describeChange(inputs, runner, out, comments, root);
  out.setOutput('changed', String(changed));

  if (validated.code === 1) {
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
    const limit = inputs.maxWarnings === undefined ? '' : `, max-warnings ${inputs.maxWarnings}`;
    out.setFailed(`backlog validate: ${counts} (fail-on ${inputs.failOn}${limit})`);
  }
}

/** The diff of the pull request, in the job summary and (when asked) its comment; whether the backlog changed. */
async function describeChange(inputs: ActionInputs, runner: RunnerContext, out: ActionOutput, comments: (pullRequest: number) => PullRequestComments, root: string[]): Promise<boolean> {
  const diff = await runCli(['diff', ...root, '-f', 'markdown', '--exit-code'], runner, out);
  if (diff.code > 1) {
    // The review is an aid; the validation above is what passes or fails the step.
    out.warning(`backlog diff could not describe the pull request: ${firstLine(diff.stderr)}${hintOf(diff.stderr)}`);
    return false;
  }
  const changed = diff.code === 1;
  if (!inputs.comment) return changed;
  if (inputs.token === '') {
    out.warning('backlog has no token to comment on the pull request with: leave the `token` input out (the job\'s token), or give one.');
    return changed;
  }
  try {
    const outcome = await upsertDiffComment(comments(runner.pullRequest!), diff.stdout, changed);
    out.write(`backlog: the pull request's comment: ${outcome}\n`);
  } catch (error) {
    out.warning(commentFailure(runner.pullRequest!, error));
  }
  return changed;
}

function commentFailure(pullRequest: number, error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const what = `backlog could not comment on pull request #${pullRequest}`;
  if (status === 403 || status === 404) {
    return (
      `${what} (${status}: ${errorMessage(error)}): the token may not write to pull requests. Give the job ` +
      '`permissions: pull-requests: write` (a pull request from a fork gets a read-only token: no comment then), or set `comment: false`.'
    );
  }
  return `${what}: ${typeof status === 'number' ? `${status} ` : ''}${errorMessage(error)}`;
}

async function runCli(argv: string[], runner: RunnerContext, out: ActionOutput): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: runner.workspace,
    env: runner.env,
    stdoutIsTTY: false,
    columns: undefined,
  };
  // A runner is a fresh machine for most jobs: a cache written there would only cost time.
  const code = await run(['--no-cache', ...argv], io);
  if (code <= 1 && stderr !== '') out.write(stderr);
  return { code, stdout, stderr };
}

function firstLine(text: string): string {
  return text.replace(/^backlog: /, '').split('\n')[0] ?? '';
}

function hintOf(text: string): string {
  const hint = /^hint: (.*)$/m.exec(text)?.[1];
  return hint ? ` (${hint})` : '';
}
