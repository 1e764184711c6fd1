import * as z from 'zod';
import { count, version } from './common.js';

export const WavesOutput = z
  .strictObject({
    version: version(),
    waves: z.array(
      z.strictObject({
        order: z.int().nullable(),
        id: z.string().describe('`(no wave)` for the workloads still to plan'),
        name: z.string().nullable(),
        status: z.string().nullable(),
        start: z.string().nullable(),
        end: z.string().nullable(),
        workloads: z.array(z.string()).describe('Ids, in priority order.'),
        servers: count(),
        cores: z.number().min(0),
        capacity: count().nullable(),
        capacityUsed: z.number().min(0).nullable().describe('Servers over capacity, in percent.'),
        findings: z.array(z.strictObject({ code: z.string(), message: z.string() })),
      }),
    ),
  })
  .describe('backlog waves -f json');

export const WavePlanOutput = z
  .strictObject({
    version: version(),
    waves: z.array(
      z.strictObject({
        id: z.string(),
        order: z.int(),
        capacity: count().nullable(),
        maxServers: count().nullable(),
        servers: count(),
        workloads: z.array(z.string()),
        added: z.boolean().describe('A wave the plan adds.'),
      }),
    ),
    placements: z.array(z.strictObject({ workload: z.string(), from: z.string().nullable(), to: z.string(), reason: z.string() })),
    notes: z.array(z.string()),
  })
  .describe('backlog waves --suggest -f json');
