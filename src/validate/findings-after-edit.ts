// The findings after an edit of a few files, from those before it: when the edit leaves every
// entity's id where it was, what the entity rules found in the other files holds still, and only
// the edited files' entities are checked again; the rules over the whole backlog run again,
// unless the edit changed nothing they read.
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { SourceFile } from '../load/types.js';
import type { Backlog, EntitiesByCollection } from '../model/backlog.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { inError, type Entity } from '../model/entity.js';
import { defineLazy } from '../model/lazy.js';
import { sameValue } from '../model/same-value.js';
import { idsInPlace, type BacklogModel } from '../load/backlog-of-files.js';
import { compareDiagnostics, type LocatableFiles } from './locate-diagnostics.js';
import { CODE_OF_RULE, DATED_RULES, ENTITY_RULES, RULES, WHOLE_BACKLOG_FIELDS } from './rules/index.js';
import { findings, type ValidateOptions } from './validate.js';

/** The rules over the whole backlog that do not read the date: run again after an edit that changes what they read. */
const WHOLE_BACKLOG_RULES = RULES.filter((rule) => !ENTITY_RULES.includes(rule) && !DATED_RULES.includes(rule));
const WHOLE_BACKLOG_CODES = new Set(WHOLE_BACKLOG_RULES.map((rule) => CODE_OF_RULE.get(rule)));

/** A file edited: as it was, and as it is after the edit. */
export interface EditedFile {
  before: SourceFile | undefined;
  after: SourceFile;
}

/**
 * The findings that do not depend on the date (those `findingsKept` keeps) of `after`, the model
 * of the edit, from `before`, those of the model before it. Undefined when they cannot be had so:
 * a file is new, an id moved, or a finding elsewhere points into an edited file (an id repeated
 * there: what it points at may have moved); the caller then works them out from the whole model.
 */
export function undatedFindingsAfterEdit(before: readonly Diagnostic[], edited: readonly EditedFile[], after: BacklogModel, options: Pick<ValidateOptions, 'asOf'>, files: LocatableFiles): Diagnostic[] | undefined {
  if (!edited.every(({ before: was, after: now }) => was !== undefined && idsInPlace(was, now))) return undefined;
  const paths = new Set(edited.map((file) => file.after.path));
  const touchesEdited = (finding: Diagnostic) => paths.has(finding.file) || (finding.related?.some((place) => paths.has(place.file)) ?? false);
  // The whole backlog's findings stay as they were when the edit changes nothing their rules read, and none is placed in what it edited.
  const readAlike = edited.every(({ before: was, after: now }) => was!.check.entities.every((entity, at) => sameForRules(entity, now.check.entities[at]!)));
  const wholeAsBefore = readAlike && !before.some((finding) => WHOLE_BACKLOG_CODES.has(finding.code) && touchesEdited(finding));
  const kept = before.filter((finding) => !paths.has(finding.file) && (wholeAsBefore || !WHOLE_BACKLOG_CODES.has(finding.code)));
  if (kept.some(touchesEdited)) return undefined;
  const entities = edited.flatMap((file) => file.after.check.entities);
  // The entity rules over the edited entities alone, which the rest of the backlog is as it was for.
  const { project, projectLocation, byKey } = after.backlog;
  const editedOnly: Backlog = { project, projectLocation, byKey, entities: byCollection(entities), repeated: byCollection(entities.filter((entity) => byKey[entity.collection].get(entity.key) !== entity)) };
  // Not a spread of `after`: that would make its graph, which no entity rule reads.
  const editedModel = { backlog: editedOnly, drafts: after.drafts.filter((draft) => paths.has(draft.place.file)), unreadableFiles: after.unreadableFiles } as Omit<BacklogModel, 'graph'> as BacklogModel;
  defineLazy(editedModel, 'graph', () => after.graph);
  const ofEdited = findings(editedModel, options, files, ENTITY_RULES);
  const ofWhole = wholeAsBefore ? [] : findings(after, options, files, WHOLE_BACKLOG_RULES, false);
  return [...kept, ...ofEdited, ...ofWhole].sort(compareDiagnostics);
}

/** Whether two entities of the same place have alike every field that the rules over the whole backlog read (as written, as read, and whether in error). */
function sameForRules(a: Entity, b: Entity): boolean {
  const record = (value: unknown) => (value ?? {}) as Record<string, unknown>;
  return (WHOLE_BACKLOG_FIELDS[a.collection] ?? []).every(
    (field) => sameValue(record(a.data)[field], record(b.data)[field]) && sameValue(record(a.raw)[field], record(b.raw)[field]) && inError(a, field) === inError(b, field),
  );
}

function byCollection(entities: readonly Entity[]): EntitiesByCollection {
  return Object.fromEntries(COLLECTION_NAMES.map((name) => [name, entities.filter((entity) => entity.collection === name)])) as unknown as EntitiesByCollection;
}
