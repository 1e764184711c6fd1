import * as z from 'zod';
import { COLLECTION_NAMES } from '../vocabulary.js';
import { Diagnostic, version } from './common.js';

const FieldChange = z.strictObject({ path: z.string().describe('`priority`, `target.region`'), before: z.unknown(), after: z.unknown() });
const PlanningChange = z.strictObject({ id: z.string(), before: z.unknown(), after: z.unknown() });
const EdgeChange = z.strictObject({ from: z.string(), to: z.string(), classification: z.string(), wrongWay: z.boolean().optional() });

export const DiffOutput = z
  .strictObject({
    version: version(),
    base: z.string().describe('The base commit.'),
    head: z.string().describe('The head commit, or WORKTREE for the working tree.'),
    changes: z.array(
      z.strictObject({
        collection: z.enum(COLLECTION_NAMES),
        id: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        file: z.string(),
        movedFrom: z.string().optional(),
        fields: z.array(FieldChange),
      }),
    ),
    planning: z.strictObject({
      priority: z.array(PlanningChange),
      rank: z.array(PlanningChange),
      wave: z.array(PlanningChange),
      status: z.array(PlanningChange),
      strategy: z.array(PlanningChange),
      owner: z.array(PlanningChange),
      servers: z.array(PlanningChange),
      edgesAdded: z.array(EdgeChange),
      edgesRemoved: z.array(EdgeChange),
    }),
    findings: z.strictObject({ introduced: z.array(Diagnostic), fixed: z.array(Diagnostic) }),
  })
  .describe('backlog diff -f json');
