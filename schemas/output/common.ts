// Pieces every JSON output is made of. Keys the tool makes are camelCase; a key that names a
// backlog field (`memory_gb`, `review_by`, an `x-*` field) or a `--columns` column keeps that
// name, as the files and the command line spell it.
import * as z from 'zod';
import { DIAGNOSTIC_CODES } from '../diagnostic-codes.js';

/** The version of the JSON outputs' shapes: a change a reader must know of raises it. */
export const version = () => z.literal(1).describe('The version of this output\'s shape.');

const count = () => z.int().min(0);
const position = () => z.int().min(1);

export const severity = () => z.enum(['error', 'warning', 'info']);

/** Fields as the backlog writes them: any key, any value. */
export const fields = () => z.record(z.string(), z.unknown());

export const Diagnostic = z.strictObject({
  code: z.enum(DIAGNOSTIC_CODES),
  severity: severity(),
  message: z.string(),
  file: z.string().describe('Relative to the backlog root, `/` separators.'),
  line: position().optional(),
  column: position().optional(),
  endLine: position().optional(),
  endColumn: position().optional(),
  path: z.array(z.union([z.string(), z.int().min(0)])).optional(),
  entity: z.string().describe('`kind:id`').optional(),
  hint: z.string().optional(),
  related: z.array(z.strictObject({ file: z.string(), line: position().optional(), column: position().optional() })).optional(),
});

export { count };
