import * as z from 'zod';
import { ADJUSTABLE_CODES } from './diagnostic-codes.js';
import { commonFields, positiveInt, text } from './fields.js';

/** Settings of the whole backlog; only in the root `backlog.yaml`. */
export const Project = z.strictObject({
  name: text().optional(),
  description: text().optional(),
  exclude: z.array(text()).describe('Globs (relative to the root) of files that are not part of the backlog.').optional(),
  rules: z
    .partialRecord(z.enum(ADJUSTABLE_CODES), z.enum(['off', 'info', 'warning', 'error']))
    .describe('Severity overrides by rule code.')
    .optional(),
  defaults: z
    .strictObject({
      max_servers_per_wave: positiveInt().describe('Capacity of a wave without its own max_servers.').optional(),
    })
    .optional(),
  notes: commonFields.notes,
});
export type Project = z.output<typeof Project>;
