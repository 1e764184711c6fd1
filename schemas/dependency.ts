import * as z from 'zod';
import { commonFields, id, text, typedRef } from './fields.js';
import { DEPENDENCY_CLASSIFICATIONS } from './vocabulary.js';

/** An edge between workloads, servers and the outside: `from` depends on `to`. */
export const Dependency = z.strictObject({
  id: id().describe('Optional; without it the edge is identified by from, to, port and protocol.').optional(),
  from: typedRef(),
  to: typedRef(),
  port: z.int().min(1).max(65535).optional(),
  protocol: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.+_-]*$/, { error: 'a protocol is written in lower case, e.g. tcp, udp, https' })
    .optional(),
  kind: z.enum(['declared', 'observed']).default('declared'),
  classification: z.enum(DEPENDENCY_CLASSIFICATIONS).default('app'),
  description: text().optional(),
  ...commonFields,
});
export type Dependency = z.output<typeof Dependency>;
