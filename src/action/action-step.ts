// The action's step from start to end, given the runner's side: the context taken from its
// environment and event, the inputs read, the action run, and a throw turned into the step's
// failure — the input at fault named, anything else reported as a bug with its stack. main.ts
// gives it the runner's own; the tests give theirs.
import { errorMessage } from '../errors.js';
import type { PullRequestComments } from './diff-comment.js';
import { InputError, readInputs } from './inputs.js';
import { runAction, type ActionOutput, type RunnerContext } from './run-action.js';

export interface Runner {
  /** The variables the runner sets (GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_STEP_SUMMARY, ...). */
  env: RunnerContext['env'];
  /** The event that started the workflow. */
  event: { eventName: string; payload: { pull_request?: { number?: unknown } } };
  /** Where to work and keep files when the runner does not say (outside a runner). */
  cwd: string;
  temp: string;
  /** The action's inputs, as @actions/core reads them. */
  input(name: string): string;
  booleanInput(name: string): boolean;
}

export async function actionStep(runner: Runner, out: ActionOutput, comments: (token: string, pullRequest: number) => PullRequestComments): Promise<void> {
  try {
    const inputs = readInputs(runner.input, runner.booleanInput);
    const { eventName, payload } = runner.event;
    const isPullRequest = eventName === 'pull_request' || eventName === 'pull_request_target';
    const context: RunnerContext = {
      workspace: runner.env.GITHUB_WORKSPACE || runner.cwd,
      temp: runner.env.RUNNER_TEMP || runner.temp,
      env: runner.env,
      pullRequest: isPullRequest ? (payload.pull_request?.number as number | undefined) : undefined,
    };
    await runAction(inputs, context, out, (number) => comments(inputs.token, number));
  } catch (error) {
    if (error instanceof InputError) out.setFailed(`backlog: input ${error.message}`);
    else out.setFailed(`backlog: internal error: ${errorMessage(error)}. This is a bug in the backlog action: please report it.\n${error instanceof Error ? error.stack : ''}`);
  }
}
