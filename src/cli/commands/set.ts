// `backlog set REF FIELD=VALUE ...`: change fields of one entity in place, validated first.
import { applyChanges } from '../../edit/apply-changes.js';
import { assignmentEdits, parseAssignment } from '../../edit/set-fields.js';
import { applyEdits, EditError } from '../../edit/text-edits.js';
import { UsageError } from '../../errors.js';
import { entityLabel } from '../../model/entity.js';
import { findEntity } from '../../query/show.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';

export async function runSet(ref: string, assignments: string[], options: { root?: string; dryRun?: boolean; asOf?: string; color?: boolean }, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const opened = await openBacklog(io, options.root);
  const entity = findEntity(opened.context, ref);
  const parsed = assignments.map((text) => parseAssignment(entity, text));
  const file = opened.files.find((f) => f.path === entity.location.file)!;
  let text: string;
  try {
    text = applyEdits(file.text, assignmentEdits(entity, parsed));
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(`cannot edit ${entityLabel(entity)} in ${file.path}: ${error.message}`);
    throw error;
  }
  const result = applyChanges(opened.files, new Map([[file.path, text]]), { root: opened.root, dryRun: options.dryRun === true, asOf });
  return reportApplied(result, io, createStyle(colourEnabled(io, options.color)));
}
