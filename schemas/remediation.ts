import * as z from 'zod';
import { commonFields, date, id, nonEmptyText, refList, text } from './fields.js';
import { LEVELS } from './vocabulary.js';

const REMEDIATION_STATUSES = ['open', 'in-progress', 'done', 'wont-fix', 'accepted-risk'] as const;

/** A task from the remediation plan (assessment or testing) that must be done before moving. */
export const Remediation = z.strictObject({
  id: id(),
  title: nonEmptyText(),
  source: z.enum(['assessment', 'testing']).optional(),
  severity: z.enum(LEVELS).optional(),
  status: z.enum(REMEDIATION_STATUSES).optional(),
  owner: text().optional(),
  due: date().optional(),
  workloads: refList('workload').optional(),
  servers: refList('server').optional(),
  ...commonFields,
});
export type Remediation = z.output<typeof Remediation>;
