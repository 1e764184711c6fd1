import * as z from 'zod';
import { commonFields, date, id, nonEmptyText, positiveInt, refList, text } from './fields.js';

/** A business priority: the "why" behind the order of the backlog. */
export const Priority = z.strictObject({
  id: id(),
  title: nonEmptyText(),
  rank: positiveInt().describe('1 is the most important; unique among priorities.'),
  type: z.enum(['critical-business-event', 'migration', 'innovation']).optional(),
  due: date().optional(),
  rationale: text().describe('Why this matters: the team must be able to explain it.').optional(),
  outcomes: refList('outcome').optional(),
  ...commonFields,
});
export type Priority = z.output<typeof Priority>;
