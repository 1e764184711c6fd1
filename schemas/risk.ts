import * as z from 'zod';
import { commonFields, id, nonEmptyText, refList, text } from './fields.js';
import { LEVELS } from './vocabulary.js';

export const Risk = z.strictObject({
  id: id(),
  title: nonEmptyText(),
  category: z.enum(['business', 'project', 'technical']).optional(),
  severity: z.enum(LEVELS).optional(),
  likelihood: z.enum(LEVELS).describe('How likely it is to happen.').optional(),
  impact: z.enum(LEVELS).describe('How much it would hurt the migration if it did.').optional(),
  status: z.enum(['open', 'mitigating', 'closed']).optional(),
  owner: text().optional(),
  mitigation: text().optional(),
  workloads: refList('workload').optional(),
  ...commonFields,
});
export type Risk = z.output<typeof Risk>;
