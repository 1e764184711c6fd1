import * as z from 'zod';
import { count, version } from './common.js';

const Group = z.strictObject({ key: z.string(), workloads: count(), percent: z.number(), servers: count(), cores: z.number() });
const figure = () => z.union([z.number(), z.string()]).nullable();

export const ReportOutput = z
  .strictObject({
    version: version(),
    asOf: z.string(),
    totals: z.strictObject({
      workloads: count(),
      toMove: count().describe('Workloads that do not stay: the denominator of the workload percentages.'),
      servers: count(),
      inService: count().describe('Servers not decommissioned: the denominator of the server percentages.'),
      cores: z.number(),
    }),
    progress: z.strictObject({
      workloadsMigrated: z.number(),
      serversMigrated: z.number(),
      coresMigrated: z.number(),
      memoryGbMigrated: z.number(),
      workloadsRationalized: z.number(),
      percentWorkloadsMigrated: z.number(),
      percentServersMigrated: z.number(),
      remediationsOpen: z.number(),
      assumptionsOpen: z.number(),
    }),
    byStatus: z.array(Group),
    byStrategy: z.array(Group),
    byWave: z.array(Group),
    byCriticality: z.array(Group),
    serversByStatus: z.array(z.strictObject({ key: z.string(), servers: count(), percent: z.number(), cores: z.number() })),
    outcomes: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string().nullable(),
        category: z.string().nullable(),
        stakeholder: z.string().nullable(),
        metrics: z.array(
          z.strictObject({
            id: z.string(),
            name: z.string(),
            kind: z.string().nullable(),
            unit: z.string().nullable(),
            baseline: figure(),
            current: figure(),
            target: figure(),
            due: z.string().nullable(),
            measure: z.string().nullable().describe('Set when `current` is computed from the backlog.'),
            progress: z.number().nullable().describe('From baseline to target, in percent, when all three are numbers.'),
          }),
        ),
      }),
    ),
    openAssumptions: z.array(z.strictObject({ id: z.string(), statement: z.string().nullable(), owner: z.string().nullable(), review_by: z.string().nullable(), overdue: z.boolean() })),
    openRemediations: z.array(z.strictObject({ id: z.string(), title: z.string().nullable(), severity: z.string().nullable(), status: z.string(), owner: z.string().nullable(), due: z.string().nullable() })),
    blockedWorkloads: z.array(z.strictObject({ id: z.string(), name: z.string().nullable(), wave: z.string().nullable(), waitingFor: z.array(z.string()) })),
  })
  .describe('backlog report -f json');

export const HistoryOutput = z
  .strictObject({
    version: version(),
    every: z.enum(['day', 'week', 'month']),
    points: z.array(
      z.strictObject({
        date: z.string(),
        commit: z.string().nullable().describe('The last commit on or before the date; null before the first.'),
        workloads: count(),
        workloadsToMove: count(),
        workloadsMigrated: count(),
        percentWorkloadsMigrated: z.number(),
        servers: count(),
        serversInService: count().describe('The servers not decommissioned: what percentServersMigrated is of.'),
        serversMigrated: count(),
        percentServersMigrated: z.number(),
        workloadsRationalized: count(),
      }),
    ),
  })
  .describe('backlog report --history -f json');
