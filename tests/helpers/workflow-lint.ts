// GitHub workflow and action files checked by action-validator (@action-validator/core: the
// SchemaStore schemas GitHub's files follow, and the globs in them).
import { validateAction, validateWorkflow } from '@action-validator/core';

/** The linter's errors for a workflow: none when it is valid. */
export function workflowErrors(text: string): unknown[] {
  return validateWorkflow(text).errors;
}

export function actionErrors(text: string): unknown[] {
  return validateAction(text).errors;
}
