// The action's inputs (action.yml), read and checked: a wrong value stops the step with a
// message that names the input, before anything runs.
import { errorMessage } from '../errors.js';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export interface ActionInputs {
  /** The backlog root, relative to the workspace; undefined: found from the workspace upwards. */
  root: string | undefined;
  failOn: (typeof FAIL_ON)[number];
  maxWarnings: number | undefined;
  changedOnly: boolean;
  /** Where to write SARIF, relative to the workspace. */
  sarif: string | undefined;
  comment: boolean;
  token: string;
}

/** An input with a value the action cannot take. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Reads every input through `input` (the runner's INPUT_ variables, as @actions/core reads them). */
export function readInputs(input: (name: string) => string, booleanInput: (name: string) => boolean): ActionInputs {
  const failOn = input('fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new InputError(`fail-on: \`${failOn}\` is not one of ${FAIL_ON.join(', ')}`);
  const maxWarnings = input('max-warnings');
  if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) throw new InputError(`max-warnings: \`${maxWarnings}\` is not a whole number, 0 or more`);
  return {
    root: input('root') || undefined,
    failOn: failOn as ActionInputs['failOn'],
    maxWarnings: maxWarnings === '' ? undefined : Number(maxWarnings),
    changedOnly: checkedBoolean(booleanInput, 'changed-only'),
    sarif: input('sarif') || undefined,
    comment: checkedBoolean(booleanInput, 'comment'),
    token: input('token'),
  };
}

function checkedBoolean(booleanInput: (name: string) => boolean, name: string): boolean {
  try {
    return booleanInput(name);
  } catch (error) {
    throw new InputError(`${name}: ${errorMessage(error)}`);
  }
}
