// The compiled check must take exactly what zod takes, and give exactly what zod gives (the same
// values, fields in the same order, defaults filled in), on every collection's schema: checked
// on values generated from the schemas themselves, right and wrong, and on every entity of the
// fixtures and examples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { COLLECTION_NAMES, COLLECTIONS } from '../../schemas/collections.js';
import { Project } from '../../schemas/project.js';
import { isQuicklyParsed, quickParse, type CompiledForm } from '../../src/load/check/quick-parse.js';
import { yamlFiles } from '../helpers/yaml-files.js';

/** Strings that pass or fail the schemas' patterns and formats (ids, references, dates, IPs, protocols). */
const STRINGS = [
  '', 'a', 'crm', 'wl-1', 'SRV01', 'a.b_c-d', '-a', 'a b', ' a', 'é', 'x'.repeat(128), 'x'.repeat(129),
  'workload:crm', 'server:SQL01', 'external:Salesforce', 'external:', 'bogus:x', 'server:',
  '2024-02-29', '2023-02-29', '2026-13-01', '2026-06-01', '26-06-01',
  '10.0.0.1', '::1', '::ffff:1.2.3.4', '999.1.1.1', 'tcp', 'https', 'TCP', 'a+b', 'tcp ', '0', '1',
];
const NUMBERS = [0, -0, 1, -1, 0.5, 65535, 65536, 2 ** 53, 2 ** 53 - 1, 1e308, -1e-9, NaN, Infinity, -Infinity];
const WRONG_TYPES = [null, true, false, [], {}, 0, 'x'];

/** Values for a schema, mostly of the right shape, sometimes not. */
function valuesOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const wrong = fc.constantFrom(...WRONG_TYPES);
  const right = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'string':
        return mostlyTaken(schema, STRINGS, fc.string({ maxLength: 8 }));
      case 'number':
        return mostlyTaken(schema, NUMBERS, fc.oneof(fc.integer(), fc.double()));
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.oneof({ arbitrary: fc.constantFrom(...(schema._zod.values as Set<unknown>)), weight: 4 }, { arbitrary: fc.constantFrom('other', 'Open', 1), weight: 1 });
      case 'optional':
      case 'default':
        return fc.oneof(fc.constant(undefined), valuesOf(def.innerType as z.ZodType, depth));
      case 'array':
        return fc.array(valuesOf(def.element as z.ZodType, depth + 1), { maxLength: 3 });
      case 'union':
        return fc.oneof(...(def.options as z.ZodType[]).map((option) => valuesOf(option, depth)));
      case 'object': {
        if (depth > 3) return fc.constant({});
        const shape = def.shape as Record<string, z.ZodType>;
        const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, valuesOf(field, depth + 1)]));
        // Required fields mostly there, others now and then: the rest in any order, some left out, and now and then one the schema does not know.
        const required = Object.keys(shape).filter((key) => !['optional', 'default'].includes(shape[key]!._zod.def.type));
        return fc
          .tuple(fc.oneof({ arbitrary: fc.record(fields, { requiredKeys: required }), weight: 10 }, { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 1 }), fc.oneof({ arbitrary: fc.constant(null), weight: 20 }, { arbitrary: fc.constantFrom('unknown', 'Name', 'x-cmdb'), weight: 1 }), fc.boolean())
          .map(([record, extra, reversed]) => {
            const entries = Object.entries(record).filter(([, value]) => value !== undefined);
            if (reversed) entries.reverse();
            if (extra) entries.push([extra, 'x']);
            return Object.fromEntries(entries);
          });
      }
      default:
        return fc.anything();
    }
  })();
  return fc.oneof({ arbitrary: right, weight: 100 }, { arbitrary: wrong, weight: 1 });
}

/** Mostly values the schema takes (so that whole entities are often right), some it may not. */
function mostlyTaken(schema: z.ZodType, pool: unknown[], any: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const taken = pool.filter((value) => schema.safeParse(value).success);
  const others = fc.oneof(fc.constantFrom(...pool), any);
  return taken.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...taken), weight: 30 }, { arbitrary: others, weight: 1 }) : others;
}

/**
 * Both checks' answers: zod's data when it takes the value, and the compiled check's. The input
 * must come out as it went in: the compiled check gives back the input itself, or the parts of
 * it that need no change, and never changes them.
 */
function bothAnswers(schema: z.ZodType, value: unknown, form?: CompiledForm) {
  const before = structuredClone(value);
  const zod = schema.safeParse(value);
  const quick = quickParse(schema, value, form);
  expect(value).toStrictEqual(before);
  return { zod: zod.success ? { data: zod.data, order: JSON.stringify(zod.data) } : 'refused', quick: quick ? { data: quick.data, order: JSON.stringify(quick.data) } : 'refused' };
}

describe('the compiled check', () => {
  it('compiles the schemas of the collections; those with checks across fields (outcomes, waves), and project settings, are left to zod', () => {
    const compiled = COLLECTION_NAMES.filter((name) => isQuicklyParsed(COLLECTIONS[name].schema));
    expect(compiled).toEqual(['workloads', 'servers', 'dependencies', 'priorities', 'assumptions', 'remediations', 'risks']);
    expect(isQuicklyParsed(Project)).toBe(false);
  });

  it('reads zod internals of the shape it knows, and gives up (never throws) on another', () => {
    // zod is pinned exactly in package.json: a new version must pass this file before it lands.
    const pinned = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).devDependencies.zod;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const schema = COLLECTIONS.workloads.schema;
    expect(schema._zod.def.type).toBe('object');
    expect([...schema._zod.traits]).toContain('ZodObject');
    const strange = { _zod: { def: undefined, traits: new Set(['ZodObject']) } } as unknown as z.ZodType;
    expect(isQuicklyParsed(strange)).toBe(false);
    expect(quickParse(strange, { id: 'crm' })).toBeUndefined();
  });

  it('gives back the input itself when zod would give it unchanged, and a copy when not', () => {
    const { schema } = COLLECTIONS.servers;
    const written = { id: 'SQL01', workloads: ['crm'], ips: ['10.0.0.1'], status: 'migrated' };
    const same = quickParse(schema, written);
    expect(same?.data).toStrictEqual(schema.parse(written));
    expect(same?.data).toBe(written);
    // A default filled in (status), or the fields out of the shape's order: a copy, as zod writes it.
    const defaulted = { id: 'SQL01', workloads: ['crm'] };
    expect(quickParse(schema, defaulted)?.data).toStrictEqual({ ...defaulted, status: 'not-started' });
    const reordered = { workloads: ['crm'], id: 'SQL01', status: 'migrated' };
    expect(JSON.stringify(quickParse(schema, reordered)?.data)).toBe(JSON.stringify(schema.parse(reordered)));
    expect(quickParse(schema, reordered)?.data).not.toBe(reordered);
  });

  it.each([
    ['an optional around a default', z.strictObject({ a: z.string().default('x').optional() }), [{}, { a: undefined }]],
    ['an exact optional', z.strictObject({ a: z.exactOptional(z.string()) }), [{ a: undefined }, {}]],
    ['an exclusive union', z.xor([z.string(), z.string().min(1)]), ['a', '']],
    ['a minimum length counted in characters', z.string().min(2), ['😀', 'ab']],
    ['a default of no value', z.strictObject({ o: z.string().optional().default(undefined as unknown as string) }), [{}]],
    ['a refinement of the whole object', z.strictObject({ a: z.int() }).refine((v) => v.a > 1), [{ a: 1 }, { a: 2 }]],
    ['a plain (not strict) object', z.object({ a: z.int() }), [{ a: 1, b: 2 }]],
  ] as Array<[string, z.ZodType, unknown[]]>)('never answers otherwise than zod, here by leaving it to zod where it should: %s', (_name, schema, inputs) => {
    for (const input of inputs) {
      const answers = bothAnswers(schema, input);
      if (answers.quick !== 'refused') expect(answers.quick).toStrictEqual(answers.zod);
    }
  });

  it.each(['code', 'loops'] as CompiledForm[])('takes fields whose names need quoting in code, or name what objects inherit, as zod does: by %s', (form) => {
    const schema = z.strictObject({ 'a b': z.string(), 'quo"te': z.int().optional(), 'back\\slash': z.string().default('d'), constructor: z.string().optional(), '0': z.boolean().default(false), '\u2028': z.string().optional() });
    for (const input of [
      { 'a b': 'x' },
      { 'a b': 'x', 'quo"te': 2, 'back\\slash': 'y', constructor: 'c', '0': true, '\u2028': 'z' },
      { '\u2028': 'z', 'a b': 'x' },
      { 'a b': 1 },
      { 'a b': 'x', other: 1 },
    ]) {
      const answers = bothAnswers(schema, input, form);
      expect(answers.quick).toStrictEqual(answers.zod);
    }
  });

  it('leaves to zod the kinds of schema it does not compile', () => {
    expect(isQuicklyParsed(z.exactOptional(z.string()))).toBe(false);
    expect(isQuicklyParsed(z.xor([z.string(), z.number()]))).toBe(false);
    expect(isQuicklyParsed(z.string().min(2))).toBe(false);
    expect(isQuicklyParsed(z.string().default('x').optional())).toBe(false);
    expect(isQuicklyParsed(z.email())).toBe(false);
    expect(isQuicklyParsed(z.string().min(1).optional())).toBe(true);
  });

  // Both forms: the fields taken by code made for the schema, and by a loop (where a host forbids making code).
  it.each(COLLECTION_NAMES.flatMap((name) => [[name, 'code'], [name, 'loops']] as Array<[string, CompiledForm]>))('takes exactly what zod takes, and gives what it gives: %s, by %s', (name, form) => {
    const { schema } = COLLECTIONS[name as keyof typeof COLLECTIONS];
    let taken = 0;
    fc.assert(
      fc.property(valuesOf(schema), (value) => {
        const answers = bothAnswers(schema, value, form);
        if (isQuicklyParsed(schema)) {
          expect(answers.quick).toStrictEqual(answers.zod);
          if (answers.quick !== 'refused') taken++;
        } else {
          expect(answers.quick).toBe('refused');
        }
      }),
      { numRuns: 400 },
    );
    // Generated values are right often enough that the comparison is of taken values, not only refusals.
    if (isQuicklyParsed(schema)) expect(taken).toBeGreaterThan(50);
  });

  it('gives what zod gives for every entity of the fixtures and examples', () => {
    const root = join(import.meta.dirname, '..', '..');
    const files = [join(root, 'tests', 'fixtures'), join(root, 'examples')].flatMap((dir) => yamlFiles(dir));
    let compared = 0;
    for (const file of files) {
      let documents: unknown[];
      try {
        documents = [parse(readFileSync(file, 'utf8'), { logLevel: 'silent' })];
      } catch {
        continue; // the fixtures of YAML that does not parse
      }
      for (const document of documents) {
        if (typeof document !== 'object' || document === null) continue;
        for (const name of COLLECTION_NAMES) {
          const items = (document as Record<string, unknown>)[name];
          if (!Array.isArray(items)) continue;
          for (const item of items) {
            if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
            // As check-documents.ts passes them: without x- fields and empty ones.
            const value = Object.fromEntries(Object.entries(item).filter(([key, field]) => !key.startsWith('x-') && field !== null));
            const answers = bothAnswers(COLLECTIONS[name].schema, value);
            if (isQuicklyParsed(COLLECTIONS[name].schema)) expect({ file, answer: answers.quick }).toStrictEqual({ file, answer: answers.zod });
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
