import * as z from 'zod';
import { fields, version } from './common.js';

export const ShowOutput = z
  .strictObject({
    version: version(),
    kind: z.string().describe('`workload`, `server`, ...'),
    id: z.string(),
    definedIn: z.string().describe('`file:line`'),
    fields: fields(),
    sections: z
      .record(z.string(), z.unknown())
      .describe('What the backlog says around it, by kind: servers, totals, dependsOn, dependents, external, moveGroup, drivers, assumptions, openRemediations, risks, workloads, referencedBy.'),
  })
  .describe('backlog show -f json');
