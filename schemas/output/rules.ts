import * as z from 'zod';
import { DIAGNOSTIC_CODES } from '../diagnostic-codes.js';
import { severity, version } from './common.js';

export const RulesOutput = z
  .strictObject({
    version: version(),
    rules: z.array(
      z.strictObject({
        code: z.enum(DIAGNOSTIC_CODES),
        severity: severity().describe('The default severity.'),
        configured: z.enum(['error', 'warning', 'info', 'off']).optional().describe('The severity this backlog sets, when its project.rules set any.'),
        description: z.string(),
      }),
    ),
  })
  .describe('backlog rules -f json');
