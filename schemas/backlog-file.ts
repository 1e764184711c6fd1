// One backlog file (each YAML document in it): a mapping of collections, each a list of
// entities, plus `project` in the root backlog.yaml. Used for the JSON Schema; the validator
// checks entities one by one with the same schemas so that one bad entity does not hide the rest.
import * as z from 'zod';
import { Assumption } from './assumption.js';
import { Dependency } from './dependency.js';
import { Outcome } from './outcome.js';
import { Priority } from './priority.js';
import { Project } from './project.js';
import { Remediation } from './remediation.js';
import { Risk } from './risk.js';
import { Server } from './server.js';
import { Wave } from './wave.js';
import { Workload } from './workload.js';

export const BacklogFile = z
  .strictObject({
    workloads: z.array(Workload).describe('The backlog items: workloads to migrate.').optional(),
    servers: z.array(Server).describe('The assets, associated with their workloads.').optional(),
    dependencies: z.array(Dependency).describe('Edges between workloads, servers and the outside.').optional(),
    priorities: z.array(Priority).describe('Business priorities: why the backlog is in this order.').optional(),
    assumptions: z.array(Assumption).describe('Core assumptions behind the plan.').optional(),
    outcomes: z.array(Outcome).describe('Business outcomes and their metrics (KPIs).').optional(),
    waves: z.array(Wave).describe('Migration waves.').optional(),
    remediations: z.array(Remediation).describe('The remediation plan.').optional(),
    risks: z.array(Risk).describe('Risks to the migration.').optional(),
    project: Project.describe('Settings of the whole backlog; only in the root backlog.yaml.').optional(),
  })
  .describe('A file of a migration backlog (migration-backlog).');
