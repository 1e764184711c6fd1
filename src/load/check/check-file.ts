// Stage one of validation: the shape of every document (a mapping of collections, each a list
// of entities) and every entity against its schema. Produces the entities the model is built
// from, and the findings about the files themselves.
import * as zod from 'zod';
import type * as z from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, isCollectionName, type CollectionName } from '../../../schemas/collections.js';
import { foreignKeyOf } from '../../../schemas/vocabulary.js';
import { Project } from '../../../schemas/project.js';
import { ROOT_FILE } from '../find-root.js';
import type { ParsedDocument } from '../types.js';
import { idKey, type Entity } from '../../model/entity.js';
import type { NodeLocation, PathSegment } from '../../model/place.js';
import { dependencyKey, entityIdOf } from '../../model/dependency-identity.js';
import { didYouMeanHint } from '../../text/did-you-mean.js';
import type { DiagnosticDraft } from '../../model/diagnostic.js';
import { checkDialect } from './dialect.js';
import { isExtensionField, isPlainObject, splitExtensions } from './extensions.js';
import { issuesToDrafts } from './schema-issues.js';
import { quickParse } from './quick-parse.js';

/**
 * What one file holds once checked: a function of its text and its path alone, so that it can
 * be cached by content (parse-cache.ts) and the files combined afterwards.
 */
export interface FileCheck {
  entities: Entity[];
  drafts: DiagnosticDraft[];
  /** `project` settings found in the file (only the root file's count). */
  projects: Array<{ data: Project | undefined; location: NodeLocation }>;
}

export function checkFile(file: { path: string; documents: readonly ParsedDocument[] }): FileCheck {
  const result: FileCheck = { entities: [], drafts: [], projects: [] };
  file.documents.forEach((document, doc) => {
    if (!document.usable) return;
    for (const path of document.mergeKeys ?? []) {
      result.drafts.push({
        code: 'UNSUPPORTED_YAML',
        message: 'merge keys (`<<`) are not supported',
        place: { file: file.path, doc, path, target: 'key' },
        hint: 'write the fields out: a reader must see every value where it applies',
      });
    }
    checkDocument(file.path, doc, document.value, result, document.plain === true);
  });
  return result;
}

/** `plain`: the parser vouches for no `x-` field and no nesting too deep (ParsedDocument). */
function checkDocument(file: string, doc: number, value: unknown, result: FileCheck, plain: boolean): void {
  const at = (path: PathSegment[], target: 'key' | 'value' = 'value') => ({ file, doc, path, target });
  if (value === null) return; // An empty document (or file) is fine.
  if (!isPlainObject(value)) {
    result.drafts.push({
      code: 'INVALID_VALUE',
      message: `a backlog file is a mapping of collections (workloads:, servers:, ...), not ${Array.isArray(value) ? 'a list' : 'a single value'}`,
      place: at([]),
    });
    return;
  }
  if (!plain) {
    const dialect = checkDialect(value, file, doc);
    result.drafts.push(...dialect.drafts);
    if (!dialect.readable) return;
  }
  for (const key of Object.keys(value)) {
    const items = value[key];
    if (key === 'project') {
      checkProject(file, doc, items, result);
    } else if (isCollectionName(key)) {
      checkCollection(file, doc, key, items, result, plain);
    } else {
      const candidates: string[] = file === ROOT_FILE ? [...COLLECTION_NAMES, 'project'] : [...COLLECTION_NAMES];
      // Asked only here, off the path of every document: is the whole document of something else?
      const foreign = foreignKeyOf(Object.keys(value)) !== undefined;
      result.drafts.push({
        code: 'UNKNOWN_COLLECTION',
        message: `\`${key}\` is not a collection`,
        place: at([key], 'key'),
        hint: isExtensionField(key)
          ? '`x-` fields belong on entities, not at the top of a file'
          : (didYouMeanHint(key, candidates) ?? `the collections are ${COLLECTION_NAMES.join(', ')}${foreign ? `; if ${file} is not part of the backlog, list it in \`exclude\` of ${ROOT_FILE}'s project` : ''}`),
      });
    }
  }
}

function checkCollection(file: string, doc: number, collection: CollectionName, items: unknown, result: FileCheck, plain: boolean): void {
  const { kind, schema } = COLLECTIONS[collection];
  if (items === null) return; // `servers:` with nothing under it yet
  if (!Array.isArray(items)) {
    result.drafts.push({
      code: 'INVALID_VALUE',
      message: `\`${collection}\` must be a list of ${collection}, each item starting with \`- \``,
      place: { file, doc, path: [collection], target: 'value' },
    });
    return;
  }
  items.forEach((item, index) => {
    if (!isPlainObject(item)) {
      result.drafts.push({
        code: 'INVALID_VALUE',
        message: `each item of \`${collection}\` is a mapping of fields (id: ..., ...), not ${Array.isArray(item) ? 'a list' : 'a single value'}`,
        place: { file, doc, path: [collection, index], target: 'value' },
      });
      return;
    }
    const entity = checkEntity(collection, schema, kind, item, { file, doc, index }, result.drafts, plain);
    if (entity) result.entities.push(entity);
  });
}

function checkEntity(
  collection: CollectionName,
  schema: z.ZodType,
  noun: string,
  raw: Record<string, unknown>,
  place: { file: string; doc: number; index: number },
  drafts: DiagnosticDraft[],
  plain: boolean,
): Entity | undefined {
  const { file, doc, index } = place;
  const { value: written, extensions } = plain ? { value: raw, extensions: undefined } : splitExtensions(raw);
  const { value, emptyFields } = withoutEmptyFields(written);
  const rawId = typeof value.id === 'string' ? value.id : undefined;
  const label = rawId !== undefined ? `${noun}:${rawId}` : undefined;
  // Nearly every entity is right: the compiled check takes those; zod explains the rest.
  const parsed = quickParse(schema, value) ?? schema.safeParse(value, { reportInput: true });
  let data: Record<string, unknown>;
  if (parsed.success) {
    data = parsed.data as Record<string, unknown>;
  } else {
    const location: NodeLocation = { file, doc, path: [collection, index] };
    drafts.push(...issuesToDrafts(parsed.error.issues, { schema, location, noun, emptyFields, ...(label ? { entity: label } : {}) }));
    data = withoutFieldsInError(schema, value, parsed.error.issues);
  }
  // Reported above; without an id nothing can refer to it. A dependency without one is known by its edge.
  const id = entityIdOf(collection, data);
  if (id === undefined) return undefined;
  return {
    collection,
    id,
    key: collection === 'dependencies' ? dependencyKeyOf(data, id, place) : idKey(id),
    data: data as Entity['data'],
    extensions,
    valid: parsed.success,
    // Present on every entity (undefined on most): one shape for all of them.
    raw: parsed.success ? undefined : value,
    fieldsInError: parsed.success ? undefined : topLevelFields(parsed.error.issues),
    file,
    doc,
    index,
  };
}

/**
 * A dependency's key: its id's, or without one its identity with bare ends written as
 * `workload:` (dependencyKey). An edge whose end is in error has no identity to share with
 * another: it is keyed by its place.
 */
function dependencyKeyOf(data: Record<string, unknown>, id: string, { file, doc, index }: { file: string; doc: number; index: number }): string {
  if (typeof data.id === 'string') return idKey(id);
  if (typeof data.from !== 'string' || typeof data.to !== 'string') return `?${file}:${doc}:dependencies.${index}`;
  return dependencyKey(data, id)!;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/** A field written with nothing after it (`owner:`) is absent, as if it were not written. */
function withoutEmptyFields(value: Record<string, unknown>): { value: Record<string, unknown>; emptyFields: ReadonlySet<string> } {
  let emptyFields: Set<string> | undefined;
  // for...in, not Object.keys: no list made per entity (a parsed mapping has no inherited fields).
  for (const key in value) if (value[key] === null) (emptyFields ??= new Set()).add(key);
  // Nearly every entity has none: nothing is made for it.
  if (!emptyFields) return { value, emptyFields: NO_FIELDS };
  const copy = { ...value };
  for (const key of emptyFields) delete copy[key];
  return { value: copy, emptyFields };
}

/**
 * The entity with the fields in error left out, defaults filled in where the rest allows.
 * Inside a nested mapping (target, costs, project.rules) only the entry in error goes.
 */
function withoutFieldsInError(schema: z.ZodType, value: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  const pruned: Record<string, unknown> = { ...value };
  const drop = (path: readonly PropertyKey[], keys: readonly string[]) => {
    const [field, nested] = path;
    if (typeof field !== 'string') return;
    if (path.length === 0) {
      for (const key of keys) delete pruned[key];
    } else if (isPlainObject(pruned[field]) && (typeof nested === 'string' || (path.length === 1 && keys.length > 0))) {
      const inner = { ...(pruned[field] as Record<string, unknown>) };
      for (const key of path.length === 1 ? keys : [nested as string]) delete inner[key];
      pruned[field] = inner;
    } else {
      delete pruned[field];
    }
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') drop(issue.path, issue.keys);
    else drop(issue.path, []);
  }
  const again = schema.safeParse(pruned);
  return again.success ? (again.data as Record<string, unknown>) : withDefaults(schema, pruned);
}

/**
 * The fields with a default filled in where they are absent: an entity still missing a field
 * it needs has the rest as any other (a workload without `name` is still `identified`).
 */
function withDefaults(schema: z.ZodType, value: Record<string, unknown>): Record<string, unknown> {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return value;
  const filled = { ...value };
  for (const [field, fieldSchema] of Object.entries(shape)) {
    if (filled[field] === undefined && fieldSchema instanceof zod.ZodDefault) filled[field] = fieldSchema.parse(undefined);
  }
  return filled;
}

function topLevelFields(issues: readonly z.core.$ZodIssue[]): Set<string> {
  const fields = new Set<string>();
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && issue.code !== 'unrecognized_keys') fields.add(field);
  }
  return fields;
}

function checkProject(file: string, doc: number, value: unknown, result: FileCheck): void {
  const location: NodeLocation = { file, doc, path: ['project'] };
  if (file !== ROOT_FILE) {
    result.drafts.push({
      code: 'INVALID_VALUE',
      message: `\`project\` belongs in the root ${ROOT_FILE}, not in ${file}`,
      place: { ...location, target: 'key' },
    });
    return;
  }
  if (value === null) {
    result.projects.push({ data: undefined, location });
    return;
  }
  const { data, issues } = parseProject(value);
  result.drafts.push(...issuesToDrafts(issues, { schema: Project, location, noun: 'project' }));
  result.projects.push({ data, location });
}

/**
 * The project settings as validate reads them — the settings in error left out — for every
 * command that needs them (`rules`, the file listing's `exclude`).
 */
function parseProject(value: unknown): { data: Project | undefined; issues: readonly z.core.$ZodIssue[] } {
  const { value: settings } = isPlainObject(value) ? splitExtensions(value) : { value };
  const parsed = Project.safeParse(settings, { reportInput: true });
  if (parsed.success) return { data: parsed.data, issues: [] };
  const data = isPlainObject(settings) ? (withoutFieldsInError(Project, settings, parsed.error.issues) as Project) : undefined;
  return { data, issues: parsed.error.issues };
}
