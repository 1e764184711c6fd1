// `backlog set REF FIELD=VALUE ...`: change fields of one entity in place, validated first.
import { applyFileEdits } from '../../edit/apply-changes.js';
import { assignmentEdits, parseAssignment } from '../../edit/set-fields.js';
import { findEntity } from '../../query/show.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog, whileWriting } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';

export async function runSet(ref: string, assignments: string[], options: { root?: string; dryRun?: boolean; asOf?: string; color?: boolean }, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const dryRun = options.dryRun === true;
  return whileWriting(io, options.root, !dryRun, async (journal) => {
    const opened = await openBacklog(io, options.root);
    const entity = findEntity(opened.context, ref);
    const parsed = assignments.map((text) => parseAssignment(entity, text));
    const edits = new Map([[entity.file, assignmentEdits(entity, parsed)]]);
    const result = applyFileEdits(opened.files, edits, { root: opened.root, dryRun, asOf, ...(journal ? { journal } : {}) });
    return reportApplied(result, io, createStyle(colourEnabled(io, options.color)));
  });
}
