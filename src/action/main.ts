// The GitHub Action's entry (action.yml runs the bundle of this file): the runner's contract
// read here and nowhere else — inputs from INPUT_ variables, the event from GITHUB_EVENT_PATH,
// the API at GITHUB_API_URL, the repository from GITHUB_REPOSITORY — and everything the
// action says goes out here, through @actions/core.
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { errorMessage } from '../errors.js';
import { githubComments } from './github-comments.js';
import { InputError, readInputs } from './inputs.js';
import { runAction, type ActionOutput } from './run-action.js';

const out: ActionOutput = {
  write: (text) => void process.stdout.write(text),
  warning: (message) => core.warning(message),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
};

try {
  const inputs = readInputs((name) => core.getInput(name), (name) => core.getBooleanInput(name));
  const isPullRequest = context.eventName === 'pull_request' || context.eventName === 'pull_request_target';
  const pullRequest = isPullRequest ? (context.payload.pull_request?.number as number | undefined) : undefined;
  await runAction(
    inputs,
    { workspace: process.env.GITHUB_WORKSPACE || process.cwd(), temp: process.env.RUNNER_TEMP || tmpdir(), env: process.env, pullRequest },
    out,
    (number) => githubComments(getOctokit(inputs.token), { ...context.repo, number }),
  );
} catch (error) {
  if (error instanceof InputError) core.setFailed(`backlog: input ${error.message}`);
  else core.setFailed(`backlog: internal error: ${errorMessage(error)}. This is a bug in the backlog action: please report it.\n${error instanceof Error ? error.stack : ''}`);
}
