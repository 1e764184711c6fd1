// Building blocks shared by every entity schema: ids, references, dates, enumerations.
// Error texts are set here so that every finding about a bad value reads the same way.
import { isIP } from 'node:net';
import * as z from 'zod';

import { ID_PATTERN, TYPED_REFERENCE_PATTERN } from './vocabulary.js';

export const id = () =>
  z
    .string()
    .regex(ID_PATTERN, {
      error: 'an id is 1-128 letters, digits, `.`, `_` or `-`, starting with a letter or digit',
    })
    .describe('Unique within its collection (compared case-insensitively).');

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** A reference to one entity of a known collection. */
export const ref = (target: string) =>
  z
    .string()
    .regex(ID_PATTERN, { error: `not a valid ${target} id` })
    .describe(`The id of ${article(target)}.`);

export const refList = (target: string) => z.array(ref(target)).describe(`Ids of ${target === 'priority' ? 'priorities' : `${target}s`}.`);

/** A reference that may point at several kinds: `workload:crm`, `server:SQL01`, `external:x`; bare = workload. */
export const typedRef = () =>
  z
    .string()
    .regex(TYPED_REFERENCE_PATTERN, {
      error: 'a reference is an id, or `workload:ID`, `server:ID` or `external:NAME`',
    })
    .describe('`workload:ID`, `server:ID` or `external:NAME`; a bare id means a workload.');

export const date = () =>
  z.iso.date({ error: 'not a date: write YYYY-MM-DD, a day that exists' }).describe('A date, YYYY-MM-DD.');

export const text = () => z.string();
export const nonEmptyText = () => z.string().min(1);

export const nonNegativeInt = () => z.int().min(0);
export const positiveInt = () => z.int().min(1);
export const nonNegativeNumber = () => z.number().min(0);

/** Schemas whose JSON Schema form is "an IPv4 or IPv6 address" (zod's own check misses `::ffff:1.2.3.4`). */
export const ipAddressSchemas = new WeakSet<z.ZodType>();

export const ipAddress = () => {
  const schema = z.string().refine((value) => isIP(value) !== 0, { error: 'not an IPv4 or IPv6 address' });
  ipAddressSchemas.add(schema);
  return schema;
};

/** Fields every entity may carry besides its own. */
export const commonFields = {
  tags: z.array(text()).describe('Free labels for filtering.').optional(),
  notes: text().describe('Free text.').optional(),
};

