import * as z from 'zod';
import { count, Diagnostic, version } from './common.js';

export const ValidateOutput = z
  .strictObject({
    version: version(),
    summary: z.strictObject({ files: count(), entities: count(), errors: count(), warnings: count(), infos: count() }),
    diagnostics: z.array(Diagnostic).describe('Sorted by file, line, column, code.'),
  })
  .describe('backlog validate -f json');
