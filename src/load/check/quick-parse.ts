// A quicker check for the common case, an entity written without a mistake. Each zod schema is
// compiled once into plain functions that give exactly the value zod gives (fields in schema
// order, defaults filled in) or give up: on any value in error, and for any schema that uses
// something not compiled here (then always). Giving up costs nothing but time: zod itself
// checks the entity and says what is wrong. tests/validate/quick-parse.test.ts compares the two.
import type * as z from 'zod';

/** What a compiled schema returns when it is not sure the value is right. */
const GIVE_UP: unique symbol = Symbol('give up');

type Parse = (input: unknown) => unknown;
type Check = (value: never) => boolean;

/**
 * How a mapping's fields are taken: by code made from text for the schema (`code`, see
 * fieldsTaker), or by a loop over the fields (`loops`) where the host forbids making code.
 */
export type CompiledForm = 'code' | 'loops';

const FORM: CompiledForm = canMakeCode() ? 'code' : 'loops';

const compiled: Record<CompiledForm, WeakMap<z.ZodType, Parse | null>> = { code: new WeakMap(), loops: new WeakMap() };

/** zod's successful result for `input`; undefined when zod has to be asked. `form`: for the tests, which compare both. */
export function quickParse(schema: z.ZodType, input: unknown, form: CompiledForm = FORM): { success: true; data: unknown } | undefined {
  let parse = compiled[form].get(schema);
  if (parse === undefined) {
    parse = compileOrGiveUp(schema, form) ?? null;
    compiled[form].set(schema, parse);
  }
  if (parse === null) return undefined;
  const data = parse(input);
  return data === GIVE_UP ? undefined : { success: true, data };
}

/** Whether a schema is compiled here (and not left to zod every time). */
export function isQuicklyParsed(schema: z.ZodType): boolean {
  return compileOrGiveUp(schema, 'loops') !== undefined;
}

/**
 * The schema compiled, or undefined when zod's internals have a shape this file does not know
 * (zod is pinned to one version; the tests fail loudly when the collections stop compiling).
 */
function compileOrGiveUp(schema: z.ZodType, form: CompiledForm): Parse | undefined {
  try {
    return compile(schema, form);
  } catch {
    return undefined;
  }
}

/**
 * The kinds of schema compiled here, by zod's own names for them: a kind not listed (an exact
 * optional, an exclusive union, an email format...) is left to zod, though it shares a `type`.
 */
const KNOWN_TRAITS = new Set([
  'ZodType', 'ZodString', '_ZodString', 'ZodStringFormat', 'ZodISODate', 'ZodNumber', 'ZodNumberFormat', 'ZodBoolean',
  'ZodEnum', 'ZodOptional', 'ZodDefault', 'ZodArray', 'ZodUnion', 'ZodObject',
].flatMap((name) => [name, `$${name}`]).concat(
  '$ZodObjectJIT',
  // z.int() and z.iso.date() are schemas and checks at once: their own check is compiled with them.
  '$ZodCheck', '$ZodCheckNumberFormat', '$ZodCheckStringFormat',
));

/** The schema's parse; undefined when it uses anything this file does not compile. */
function compile(schema: z.ZodType, form: CompiledForm): Parse | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.coerce || [...schema._zod.traits].some((trait) => !KNOWN_TRAITS.has(trait))) return undefined;
  switch (def.type) {
    case 'string':
      return withChecks(ownCheck(def, stringCheck), def.checks, stringCheck, (input) => typeof input === 'string');
    case 'number':
      return withChecks(numberFormat(def.format), def.checks, numberCheck, (input) => typeof input === 'number' && Number.isFinite(input));
    case 'boolean':
      return def.checks ? undefined : (input) => (typeof input === 'boolean' ? input : GIVE_UP);
    case 'enum': {
      if (def.checks) return undefined;
      const values = schema._zod.values as ReadonlySet<unknown>;
      return (input) => (values.has(input) ? input : GIVE_UP);
    }
    case 'optional': {
      // Around a default (or another optional) zod asks the inner schema even for no value.
      const innerType = (def.innerType as z.ZodType)._zod.def.type;
      const inner = innerType === 'default' || innerType === 'optional' ? undefined : compile(def.innerType as z.ZodType, form);
      return inner && !def.checks ? (input) => (input === undefined ? undefined : inner(input)) : undefined;
    }
    case 'default': {
      const inner = compile(def.innerType as z.ZodType, form);
      // A default of no value is kept as a field by zod, and left out here: left to zod.
      if (!inner || def.checks || def.defaultValue === undefined) return undefined;
      // Read each time, as zod does: it gives a fresh copy of a default that is an object.
      return (input) => (input === undefined ? def.defaultValue : inner(input));
    }
    case 'array':
      return def.checks ? undefined : arrayParse(compile(def.element as z.ZodType, form));
    case 'union':
      // An exclusive union (z.xor) refuses a value more than one option takes: left to zod.
      return def.checks || def.inclusive === false ? undefined : unionParse((def.options as z.ZodType[]).map((option) => compile(option, form)));
    case 'object':
      return def.checks ? undefined : objectParse(def.shape as Record<string, z.ZodType>, def.catchall as z.ZodType | undefined, form);
    default:
      return undefined;
  }
}

/** A parse that takes the value as it is when its type is right and every check holds. */
function withChecks(
  own: Check | null | undefined,
  checks: unknown,
  compileCheck: (check: Record<string, unknown>) => Check | undefined,
  isType: (input: unknown) => boolean,
): Parse | undefined {
  if (own === undefined) return undefined;
  const all: Check[] = own ? [own] : [];
  for (const check of (checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []) {
    const compiledCheck = compileCheck(check._zod.def);
    if (!compiledCheck) return undefined;
    all.push(compiledCheck);
  }
  return (input) => {
    if (!isType(input)) return GIVE_UP;
    // A loop, not every(): a callback would close over each value (hundreds of thousands).
    for (let at = 0; at < all.length; at++) if (!all[at]!(input as never)) return GIVE_UP;
    return input;
  };
}

/** The check a schema makes itself (z.iso.date() is a string schema and its own format check); null when none. */
function ownCheck(def: Record<string, unknown>, compileCheck: (check: Record<string, unknown>) => Check | undefined): Check | null | undefined {
  return def.check === undefined ? null : compileCheck(def);
}

function stringCheck(def: Record<string, unknown>): Check | undefined {
  if (def.check === 'string_format' && (def.format === 'regex' || def.format === 'date') && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (value: string) => {
      pattern.lastIndex = 0;
      return pattern.test(value);
    };
  }
  // zod counts characters (code points); up to 1 that is the same as counting UTF-16 units.
  if (def.check === 'min_length' && typeof def.minimum === 'number' && def.minimum <= 1) {
    const minimum = def.minimum;
    return (value: string) => value.length >= minimum;
  }
  if (def.check === 'custom' && typeof def.fn === 'function') {
    const fn = def.fn as (value: string) => unknown;
    // Only a plain `true` is taken as passing; anything else (a promise) is left to zod.
    return (value: string) => fn(value) === true;
  }
  return undefined;
}

function numberCheck(def: Record<string, unknown>): Check | undefined {
  const bound = def.value;
  if (typeof bound !== 'number') return undefined;
  if (def.check === 'greater_than') return def.inclusive ? (value: number) => value >= bound : (value: number) => value > bound;
  if (def.check === 'less_than') return def.inclusive ? (value: number) => value <= bound : (value: number) => value < bound;
  return undefined;
}

/** z.int() is a number schema of format `safeint`; other formats are left to zod. */
function numberFormat(format: unknown): Check | null | undefined {
  if (format === undefined) return null;
  return format === 'safeint' ? (value: number) => Number.isSafeInteger(value) : undefined;
}

function arrayParse(element: Parse | undefined): Parse | undefined {
  if (!element) return undefined;
  return (input) => {
    if (!Array.isArray(input)) return GIVE_UP;
    // The input itself when every item comes out as it went in (nearly always): a copy only
    // from the first item that changes.
    let result: unknown[] | undefined;
    for (let index = 0; index < input.length; index++) {
      const written: unknown = input[index];
      const item = element(written);
      if (item === GIVE_UP) return GIVE_UP;
      if (result === undefined && item !== written) result = input.slice(0, index);
      if (result !== undefined) result.push(item);
    }
    return result ?? input;
  };
}

/** The first option that takes the value, as zod's union does. */
function unionParse(options: Array<Parse | undefined>): Parse | undefined {
  if (options.some((option) => option === undefined)) return undefined;
  return (input) => {
    for (const option of options as Parse[]) {
      const result = option(input);
      if (result !== GIVE_UP) return result;
    }
    return GIVE_UP;
  };
}

/**
 * A mapping: each field of the shape in shape order (zod's order), one left out when absent and
 * without a default. Unknown fields: refused by a strict object (catchall never), dropped by a
 * plain one; any other catchall is left to zod.
 */
function objectParse(shape: Record<string, z.ZodType>, catchall: z.ZodType | undefined, form: CompiledForm): Parse | undefined {
  const strict = catchall !== undefined && catchall._zod.def.type === 'never';
  if (catchall !== undefined && !strict) return undefined;
  const fields: Array<[string, Parse]> = [];
  for (const [key, field] of Object.entries(shape)) {
    const parse = compile(field, form);
    if (!parse) return undefined;
    fields.push([key, parse]);
  }
  const order = new Map(fields.map(([key], index) => [key, index]));
  const takeFields = form === 'code' ? fieldsTaker(fields) : (record: Record<string, unknown>, asZodWrites: boolean) => takeFieldsInLoop(fields, record, asZodWrites);
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return GIVE_UP;
    const record = input as Record<string, unknown>;
    // Whether the input holds only fields of the shape, in its order: then, when no field
    // changes (no default filled in), zod's value is the input itself and nothing is copied.
    let asZodWrites = true;
    let last = -1;
    for (const key in record) {
      const index = order.get(key);
      if (index === undefined) {
        if (strict) return GIVE_UP;
        asZodWrites = false;
      } else {
        if (index < last) asZodWrites = false;
        last = index;
      }
    }
    return takeFields(record, asZodWrites);
  };
}

/**
 * Each field of the shape in shape order, parsed: the value zod gives (`record` itself when
 * `asZodWrites` and no field changes), or GIVE_UP.
 */
type FieldsTaker = (record: Record<string, unknown>, asZodWrites: boolean) => unknown;

/**
 * The fields' parse as straight-line code, one statement per field (160,000 entities at L go
 * through it): each field read by its own name and each parse called from its own place, which
 * the engine makes fast, where a loop over the fields reads and calls through one place for all.
 */
function fieldsTaker(fields: ReadonlyArray<[string, Parse]>): FieldsTaker {
  const steps = fields.map(([key], at) => {
    // The schema's own field names, each written as a JSON string.
    const name = JSON.stringify(key);
    return [
      `written = record[${name}];`,
      `value = parse${at}(written);`,
      'if (value === GIVE_UP) return GIVE_UP;',
      `if (result === undefined && value !== written) result = fieldsBefore(fields, record, ${at});`,
      `if (result !== undefined && (value !== undefined || ${name} in record)) result[${name}] = value;`,
    ].join('\n');
  });
  const source = [
    ...fields.map((_, at) => `const parse${at} = fields[${at}][1];`),
    'return (record, asZodWrites) => {',
    'let result = asZodWrites ? undefined : {};',
    'let written, value;',
    ...steps,
    'return result === undefined ? record : result;',
    '};',
  ].join('\n');
  return new Function('fields', 'GIVE_UP', 'fieldsBefore', source)(fields, GIVE_UP, fieldsBefore) as FieldsTaker;
}

/** What fieldsTaker's code does, as a loop. */
function takeFieldsInLoop(fields: ReadonlyArray<[string, Parse]>, record: Record<string, unknown>, asZodWrites: boolean): unknown {
  let result: Record<string, unknown> | undefined = asZodWrites ? undefined : {};
  for (let at = 0; at < fields.length; at++) {
    const [key, parse] = fields[at]!;
    const written = record[key];
    const value = parse(written);
    if (value === GIVE_UP) return GIVE_UP;
    if (result === undefined && value !== written) result = fieldsBefore(fields, record, at);
    if (result !== undefined && (value !== undefined || key in record)) result[key] = value;
  }
  return result ?? record;
}

/** A copy of the fields before the `at`-th, as they were written: made at the first field that changes. */
function fieldsBefore(fields: ReadonlyArray<[string, Parse]>, record: Record<string, unknown>, at: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (let before = 0; before < at; before++) {
    const field = fields[before]![0];
    if (field in record) result[field] = record[field];
  }
  return result;
}

/** Whether this host lets code be made from text (a policy may forbid it: --disallow-code-generation-from-strings). */
function canMakeCode(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}
