import * as z from 'zod';
import { ADJUSTABLE_CODES } from './diagnostic-codes.js';
import { commonFields, positiveInt, text } from './fields.js';
import { IMPORT_SOURCES } from './vocabulary.js';

/** How a team's exports of one source are read, so that the next import is one command. */
const ImportSettings = z.strictObject({
  columns: z
    .record(z.string(), z.string().nullable())
    .describe("Column names of the export -> backlog fields (`cores`, `target.region`, `x-cmdb`); empty or null leaves the column out.")
    .optional(),
  ignore_unknown_columns: z.boolean().describe('Leave out (and list) columns that are no field, rather than refuse the sheet.').optional(),
  date_format: z.enum(['DMY', 'MDY']).describe('How the export writes day/month dates such as 3/1/2027.').optional(),
  sheet: text().describe('The sheet of a workbook to read.').optional(),
});

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
  imports: z.partialRecord(z.enum(IMPORT_SOURCES), ImportSettings).describe('Settings of `backlog import`, by source.').optional(),
  notes: commonFields.notes,
});
export type Project = z.output<typeof Project>;
