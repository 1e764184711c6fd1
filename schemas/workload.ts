import * as z from 'zod';
import {
  commonFields, date, id, nonEmptyText, nonNegativeInt,
  nonNegativeNumber, positiveInt, ref, refList, text, typedRef,
} from './fields.js';
import { CRITICALITIES, ENVIRONMENTS, LEVELS, STRATEGIES, WORKLOAD_STATUSES } from './vocabulary.js';

const WorkloadTarget = z.strictObject({
  region: text().optional(),
  landing_zone: text().optional(),
  subscription: text().optional(),
  service: text().optional(),
}).describe('Where the workload lands.');

const WorkloadCosts = z.strictObject({
  on_prem_monthly: nonNegativeNumber().optional(),
  cloud_monthly: nonNegativeNumber().optional(),
  migration_one_off: nonNegativeNumber().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'a currency is an ISO 4217 code such as EUR or USD' })
    .optional(),
});

/** The backlog item: one workload (application or service) to migrate. */
export const Workload = z.strictObject({
  id: id(),
  name: nonEmptyText(),
  description: text().optional(),
  business_unit: text().optional(),
  datacenter: text().optional(),
  owner: text().describe('Business owner (name or e-mail).').optional(),
  technical_owner: text().optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  priority: z.enum(LEVELS).optional(),
  rank: positiveInt().describe('Order among equal priorities, 1 first.').optional(),
  drivers: refList('priority').describe('The business priorities behind it.').optional(),
  outcomes: refList('outcome').optional(),
  assumptions: refList('assumption').describe('The assumptions its plan relies on.').optional(),
  strategy: z.enum(STRATEGIES).optional(),
  status: z.enum(WORKLOAD_STATUSES).default('identified'),
  wave: ref('wave').optional(),
  depends_on: z.array(typedRef()).describe('Declared dependencies; a bare id is a workload.').optional(),
  environment: z.enum(ENVIRONMENTS).optional(),
  app_type: z.enum(['cots', 'custom']).optional(),
  data_classification: z
    .enum(['non-business', 'public', 'general', 'confidential', 'highly-confidential'])
    .optional(),
  users: nonNegativeInt().optional(),
  revenue_impacting: z.boolean().optional(),
  sla: z.number().min(0).max(1).describe('Availability as a fraction, e.g. 0.999.').optional(),
  milestone: date().describe('When the business needs it moved.').optional(),
  target: WorkloadTarget.optional(),
  costs: WorkloadCosts.optional(),
  ...commonFields,
});
export type Workload = z.output<typeof Workload>;
