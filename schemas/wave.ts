import * as z from 'zod';
import { commonFields, date, id, positiveInt, text } from './fields.js';

export const Wave = z.strictObject({
  id: id(),
  name: text().optional(),
  order: z.int().describe('Unique; lower waves move first.'),
  status: z.enum(['not-started', 'planning', 'in-progress', 'completed', 'blocked']).optional(),
  start: date().optional(),
  end: date().optional(),
  max_servers: positiveInt().describe('Capacity: the most servers this wave can move.').optional(),
  ...commonFields,
}).superRefine((wave, ctx) => {
  if (wave.start !== undefined && wave.end !== undefined && wave.end < wave.start) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `the wave ends (${wave.end}) before it starts (${wave.start})`,
      input: wave.end,
    });
  }
});
export type Wave = z.output<typeof Wave>;
