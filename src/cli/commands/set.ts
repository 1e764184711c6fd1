// `backlog set REF FIELD=VALUE ...`: change fields of one entity in place, validated first;
// `backlog set --where COND FIELD=VALUE ...`: of every entity that matches, in one write.
import { COLLECTION_KINDS, type CollectionName } from '../../../schemas/vocabulary.js';
import { applyFileEdits } from '../../edit/apply-changes.js';
import { parseAssignment, type ParsedAssignment } from '../../edit/assignment-path.js';
import { assignmentEdits, changes, resolveAssignments, type ResolvedAssignment } from '../../edit/set-fields.js';
import type { Edit } from '../../edit/text-edits.js';
import { UsageError } from '../../errors.js';
import { entityLabel, type Entity } from '../../model/entity.js';
import { addTo } from '../../model/group.js';
import { matchingEntities } from '../../query/list.js';
import { findEntity } from '../../query/show.js';
import { parseCondition } from '../../query/where.js';
import { cellText } from '../../format/shared/cell-text.js';
import { plural } from '../../text/list.js';
import { printable } from '../../text/printable.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { whileWriting } from '../open-backlog.js';
import { openForEdit } from '../open-for-edit.js';
import { reportApplied } from '../report-applied.js';
import { parseCollection } from './list.js';
import { writeOutput } from '../write-output.js';

export interface SetOptions {
  root?: string;
  where: string[];
  collection?: string;
  dryRun?: boolean;
  asOf?: string;
  color?: boolean;
}

export async function runSet(args: string[], options: SetOptions, io: CliIO): Promise<number> {
  const bulk = options.where.length > 0;
  if (!bulk && options.collection !== undefined) throw new UsageError('--collection goes with --where');
  const ref = bulk ? undefined : args[0];
  if (ref?.includes('=')) throw new UsageError(`\`${ref}\`: name the entity first (set REF FIELD=VALUE), or choose entities with --where`);
  const assignments = (bulk ? args : args.slice(1)).map(parseAssignment);
  if (assignments.length === 0) throw new UsageError('nothing to set: give FIELD=VALUE', bulk ? 'with --where, every argument is FIELD=VALUE' : undefined);
  const collection: CollectionName = parseCollection(options.collection ?? 'workloads');
  const conditions = options.where.map(parseCondition);
  const asOf = resolveAsOf(options.asOf, io.env);
  const dryRun = options.dryRun === true;
  return whileWriting(io, options.root, !dryRun, async (journal) => {
    const opened = await openForEdit(io, options.root);
    const entities = bulk ? matchingEntities(opened.context, collection, conditions) : [findEntity(opened.context, ref!, opened.base.model.unreadableFiles)];
    if (entities.length === 0) {
      io.stderr(`backlog: no ${collection} match ${options.where.map((w) => `--where ${w}`).join(' ')}: nothing to change\n`);
      return 0;
    }
    const resolved = entities.map((entity) => ({ entity, assignments: resolveAssignments(entity, assignments) }));
    const edits = new Map<string, Edit[]>();
    for (const { entity, assignments: made } of resolved) for (const edit of assignmentEdits(entity, made)) addTo(edits, entity.file, edit);
    const editing = await opened.toEdit(edits.keys());
    const result = applyFileEdits(editing.base, edits, { root: opened.root, dryRun, asOf, ...(journal ? { journal } : {}) });
    if (result.status === 'applied') await editing.written(result.after);
    const style = createStyle(colourEnabled(io, options.color));
    if (!bulk || result.status === 'refused' || result.status === 'unchanged') return reportApplied(result, io, style);
    // Many entities: what changed on each, then the files.
    const lines = resolved.flatMap(({ entity, assignments: made }) => changeLines(entity, assignments, made));
    const changed = new Set(resolved.filter(({ assignments: made }) => made.some(changes)).map(({ entity }) => entity));
    const entitiesChanged = plural(changed.size, COLLECTION_KINDS[collection], collection);
    if (result.status === 'dry-run') {
      writeOutput(io, result.diff);
      io.stderr(`${lines.join('\n')}\nbacklog: dry run: ${entitiesChanged} would change in ${plural(result.files.length, 'file')}; nothing was written\n`);
      return 0;
    }
    writeOutput(io, `${lines.join('\n')}\nChanged ${entitiesChanged}; wrote ${printable(result.files.join(', '))}.\n`);
    return 0;
  });
}

function changeLines(entity: Entity, parsed: readonly ParsedAssignment[], made: readonly ResolvedAssignment[]): string[] {
  return made.flatMap((assignment, i) =>
    changes(assignment) ? [printable(`${entityLabel(entity)}  ${parsed[i]!.target}: ${shown(assignment.before)} → ${shown(assignment.value)}`)] : [],
  );
}

function shown(value: unknown): string {
  return value === undefined || value === null ? '(none)' : cellText(value);
}
