import * as z from 'zod';
import { commonFields, date, id, nonEmptyText, refList, text } from './fields.js';

/** A core assumption the plan relies on, to be validated. */
export const Assumption = z.strictObject({
  id: id(),
  statement: nonEmptyText(),
  rationale: text().optional(),
  owner: text().optional(),
  status: z.enum(['open', 'validated', 'invalidated']).default('open'),
  review_by: date().optional(),
  applies_to: refList('workload').optional(),
  ...commonFields,
});
export type Assumption = z.output<typeof Assumption>;
