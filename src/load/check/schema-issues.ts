// zod issues -> findings. The messages are ours, written from the issue's data, so that every
// finding names the field and the value the user wrote.
import type * as z from 'zod';
import { FIXED_CODES } from '../../../schemas/diagnostic-codes.js';
import { REF_KINDS } from '../../../schemas/vocabulary.js';
import type { PathSegment } from '../../model/place.js';
import type { NodeLocation } from '../../model/place.js';
import { didYouMeanHint, valueHint } from '../../text/did-you-mean.js';
import { fieldPath } from '../../text/field-path.js';
import { joinOr, withArticle } from '../../text/list.js';
import type { DiagnosticDraft } from '../../model/diagnostic.js';
import { fieldNames, isRecordSchema, schemaAt } from './schema-walk.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

const TYPED_REFERENCE_FIELDS = new Set(['depends_on', 'from', 'to']);

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping',
};

export interface IssueContext {
  schema: z.ZodType;
  /** The entity (or project) mapping the issues are about. */
  location: NodeLocation;
  entity?: string;
  /** "workload": how messages name the thing. */
  noun: string;
  /** Top-level fields written with no value, read as absent. */
  emptyFields?: ReadonlySet<string>;
}

export function issuesToDrafts(issues: readonly z.core.$ZodIssue[], context: IssueContext): DiagnosticDraft[] {
  return issues.flatMap((issue) => issueToDrafts(issue as Issue, context));
}

function issueToDrafts(issue: Issue, context: IssueContext): DiagnosticDraft[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const place = (target: 'key' | 'value', extra: PathSegment[] = []) => ({
    ...context.location,
    path: [...context.location.path, ...path, ...extra],
    target,
  });
  const base = context.entity ? { entity: context.entity } : {};
  const field = fieldName(path, context.noun);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const objectSchema = schemaAt(context.schema, path);
      const known = fieldNames(objectSchema);
      return issue.keys.map((key) => {
        if (isRecordSchema(objectSchema)) return ruleKeyDraft(key, known, place('key', [key]), base);
        const owner = path.length === 0 ? withArticle(context.noun) : `\`${field}\``;
        return {
          code: 'UNKNOWN_FIELD',
          message: `unknown field \`${key}\` in ${owner}`,
          place: place('key', [key]),
          hint: didYouMeanHint(key, known) ?? 'custom fields start with `x-`',
          ...base,
        };
      });
    }
    case 'invalid_type': {
      if (issue.input === undefined && path.length === 1 && context.emptyFields?.has(String(path[0]))) {
        return [{ code: 'MISSING_FIELD', message: `\`${String(path[0])}\` is empty: ${withArticle(context.noun)} needs it`, place: place('key'), ...base }];
      }
      if (issue.input === undefined) {
        // Placed on the mapping that lacks the field: its first key, where the entity starts.
        const ownerPath = path.slice(0, -1);
        const owner = ownerPath.length === 0 ? withArticle(context.noun) : `\`${fieldName(ownerPath, context.noun)}\``;
        return [{
          code: 'MISSING_FIELD',
          message: `${owner} needs \`${String(path.at(-1))}\``,
          place: { ...context.location, path: [...context.location.path, ...ownerPath], target: 'value' },
          ...base,
        }];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const draft: DiagnosticDraft = {
        code: 'INVALID_VALUE',
        message: `\`${field}\` must be ${expected}, not ${describe(issue.input)}`,
        place: place('value'),
        ...base,
      };
      const input = issue.input;
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        draft.quoteHint = typeof input === 'number' ? 'number' : 'boolean';
      } else if ((issue.expected === 'number' || issue.expected === 'int') && typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) {
        draft.message = `\`${field}\` must be a number, not the text "${input}"`;
        draft.hint = 'remove the quotes';
      } else if (issue.expected === 'boolean' && typeof input === 'string') {
        draft.hint = /^(yes|y|on|no|n|off)$/i.test(input) ? `write ${/^(yes|y|on)$/i.test(input) ? 'true' : 'false'}: YAML 1.2 reads \`${input}\` as text` : 'write true or false';
      }
      return [draft];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      return [{
        code: 'INVALID_VALUE',
        message: `\`${field}\` cannot be ${describe(issue.input)}: expected ${joinOr(options)}`,
        place: place('value'),
        ...(typeof issue.input === 'string' ? { hint: valueHint(issue.input, options) } : {}),
        ...base,
      }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const message =
        issue.origin === 'string' && issue.code === 'too_small'
          ? `\`${field}\` must not be empty`
          : `\`${field}\` must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)}, not ${describe(issue.input)}`;
      return [{ code: 'INVALID_VALUE', message, place: place('value'), ...base }];
    }
    case 'invalid_format': {
      const draft: DiagnosticDraft = {
        code: 'INVALID_VALUE',
        message: `\`${field}\`: ${issue.message} (${describe(issue.input)})`,
        place: place('value'),
        ...base,
      };
      const reference = typedReferenceHint(path, issue.input);
      if (reference) draft.hint = reference;
      return [draft];
    }
    case 'invalid_union':
      return [{ code: 'INVALID_VALUE', message: `\`${field}\` must be a number or text, not ${describe(issue.input)}`, place: place('value'), ...base }];
    default:
      return [{ code: 'INVALID_VALUE', message: `\`${field}\`: ${issue.message}`, place: place('value'), ...base }];
  }
}

/** A key of `project.rules` that names no rule whose severity can be set. */
function ruleKeyDraft(key: string, known: string[], place: DiagnosticDraft['place'], base: object): DiagnosticDraft {
  const fixed = (FIXED_CODES as readonly string[]).includes(key);
  return {
    code: 'INVALID_VALUE',
    message: fixed
      ? `\`${key}\` cannot be changed: YAML and schema errors are always errors`
      : `\`${key}\` is not a rule code`,
    place,
    ...(fixed ? {} : { hint: didYouMeanHint(key, known) ?? 'see `backlog rules` for the codes' }),
    ...base,
  };
}

function typedReferenceHint(path: PathSegment[], input: unknown): string | undefined {
  const field = path.find((segment): segment is string => typeof segment === 'string');
  if (!field || !TYPED_REFERENCE_FIELDS.has(field) || typeof input !== 'string') return undefined;
  const colon = input.indexOf(':');
  if (colon === -1) return undefined;
  const kind = input.slice(0, colon);
  if ((REF_KINDS as readonly string[]).includes(kind) && input.slice(colon + 1).trim() === '') return `the id is missing after \`${kind}:\``;
  const suggestion = didYouMeanHint(kind, REF_KINDS);
  return suggestion ?? `the kinds are ${joinOr(REF_KINDS.map((k) => `\`${k}:\``))}`;
}

/** `depends_on[1]`, `target.region`: the field as the user would name it. */
function fieldName(path: PathSegment[], noun: string): string {
  return path.length === 0 ? noun : fieldPath(path);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return value === '' ? 'empty text' : `\`${value.length > 60 ? `${value.slice(0, 57)}...` : value}\``;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}
