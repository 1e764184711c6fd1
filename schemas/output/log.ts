import * as z from 'zod';
import { version } from './common.js';

export const LogOutput = z
  .strictObject({
    version: version(),
    entity: z.string().describe('`kind:id`'),
    history: z.array(
      z.strictObject({
        commit: z.string(),
        date: z.string(),
        author: z.string(),
        subject: z.string(),
        change: z.enum(['added', 'changed', 'moved']),
        fields: z.array(z.strictObject({ path: z.string(), before: z.unknown(), after: z.unknown() })),
        file: z.string().describe('The file it is in after the commit.'),
        movedFrom: z.string().optional(),
      }),
    ),
  })
  .describe('backlog log -f json');
