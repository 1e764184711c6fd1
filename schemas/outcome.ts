import * as z from 'zod';
import { commonFields, date, id, nonEmptyText, text } from './fields.js';

/** Figures the tool computes from the backlog itself. */
export const MEASURES = [
  'workloads-migrated', 'servers-migrated', 'cores-migrated', 'memory-gb-migrated', 'workloads-rationalized',
  'percent-workloads-migrated', 'percent-servers-migrated', 'remediations-open', 'assumptions-open',
] as const;

const figure = () => z.union([z.number(), z.string()]);

export const Metric = z.strictObject({
  id: id(),
  name: nonEmptyText(),
  kind: z.enum(['business', 'learning', 'progress']).optional(),
  unit: text().optional(),
  baseline: figure().optional(),
  target: figure().optional(),
  current: figure().describe('Leave out when `measure` computes it.').optional(),
  due: date().optional(),
  measure: z.enum(MEASURES).describe('A figure computed from the backlog.').optional(),
  ...commonFields,
}).superRefine((metric, ctx) => {
  if (metric.measure !== undefined && metric.current !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['current'],
      message: `\`current\` is computed from measure \`${metric.measure}\`: remove it`,
      input: metric.current,
    });
  }
});

/** A business outcome and the metrics (KPIs) that say whether it is being reached. */
export const Outcome = z.strictObject({
  id: id(),
  title: nonEmptyText(),
  category: z
    .enum(['fiscal', 'agility', 'reach', 'customer-engagement', 'performance', 'sustainability'])
    .optional(),
  stakeholder: text().optional(),
  business_unit: text().optional(),
  description: text().optional(),
  metrics: z.array(Metric).optional(),
  ...commonFields,
});
export type Outcome = z.output<typeof Outcome>;
