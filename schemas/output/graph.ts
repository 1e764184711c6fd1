import * as z from 'zod';
import { count, version } from './common.js';

export const GraphOutput = z
  .strictObject({
    version: version(),
    level: z.enum(['workload', 'server', 'wave']),
    clusters: z.array(z.strictObject({ key: z.string(), label: z.string() })),
    nodes: z.array(
      z.strictObject({
        key: z.string(),
        kind: z.enum(['workload', 'server', 'external', 'wave', 'externals']),
        id: z.string(),
        label: z.string(),
        cluster: z.string().nullable(),
        moveGroup: z.string().nullable(),
        status: z.string().nullable(),
        size: count().describe('How many workloads (or systems outside) a collapsed node stands for; 1 for the others.'),
      }),
    ),
    edges: z.array(
      z.strictObject({
        from: z.string(),
        to: z.string(),
        classification: z.enum(['app', 'shared-infra', 'external', 'noise']),
        crossWave: z.boolean(),
        wrongWay: z.boolean(),
        count: count().describe('How many dependencies it stands for.'),
      }),
    ),
  })
  .describe('backlog graph -f json');
