// The GitHub Action's entry (action.yml runs the bundle of this file): the runner's contract
// read here and nowhere else — inputs from INPUT_ variables, the event from GITHUB_EVENT_PATH,
// the API at GITHUB_API_URL, the repository from GITHUB_REPOSITORY — and everything the
// action says goes out here, through @actions/core.
import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { actionStep } from './action-step.js';
import { githubComments } from './github-comments.js';
import type { ActionOutput } from './run-action.js';

const out: ActionOutput = {
  write: (text) => void process.stdout.write(text),
  warning: (message) => core.warning(message),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
};

await actionStep(
  {
    env: process.env,
    event: context,
    cwd: process.cwd(),
    temp: tmpdir(),
    input: (name) => core.getInput(name),
    booleanInput: (name) => core.getBooleanInput(name),
  },
  out,
  (token, number) => githubComments(getOctokit(token), { ...context.repo, number }),
);
