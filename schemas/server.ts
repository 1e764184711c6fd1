import * as z from 'zod';
import {
  commonFields, id, ipAddress, nonNegativeInt, nonNegativeNumber, refList, text,
} from './fields.js';
import { ENVIRONMENTS } from './vocabulary.js';

const SERVER_STATUSES = [
  'not-started', 'replicating', 'test-migrated', 'migrated', 'failed', 'decommissioned',
] as const;

/** An asset (VM or physical host) associated with the workload(s) it serves. */
export const Server = z.strictObject({
  id: id().describe('Unique among servers, usually the host name (compared case-insensitively).'),
  workloads: refList('workload').describe('The workloads it serves; a shared server may serve several.').optional(),
  hostname: text().optional(),
  role: text().optional(),
  os: text().optional(),
  os_family: z.enum(['windows', 'linux', 'unix', 'other']).optional(),
  platform: z.enum(['vmware', 'hyper-v', 'physical', 'aws', 'gcp', 'azure', 'other']).optional(),
  environment: z.enum(ENVIRONMENTS).optional(),
  cores: nonNegativeInt().optional(),
  memory_gb: nonNegativeNumber().optional(),
  disk_gb: nonNegativeNumber().optional(),
  ips: z.array(ipAddress()).optional(),
  readiness: z.enum(['ready', 'conditionally-ready', 'not-ready', 'unknown']).optional(),
  target_size: text().describe('For example Standard_D4s_v5.').optional(),
  status: z.enum(SERVER_STATUSES).default('not-started'),
  ...commonFields,
});
export type Server = z.output<typeof Server>;
