import { entityLabel, fieldLocation, inError, locationOf } from '../../model/entity.js';
import { hasMoved } from '../../model/status.js';
import { joinAnd } from '../../text/list.js';
import type { Rule } from './rule.js';

const DONE = new Set(['migrated', 'decommissioned']);

/** STATUS_MISMATCH: a workload migrated/optimized while one of its servers is not migrated/decommissioned. */
export const statusMismatch: Rule = ({ backlog, graph, report }) => {
  for (const workload of backlog.byKey.workloads.values()) {
    if (!hasMoved(workload)) continue;
    // The servers' statuses from their figures: the servers themselves only when one is behind.
    const status = graph.serverFigures.status;
    if ((graph.serverIndexesOf.get(workload.key) ?? []).every((index) => DONE.has(status[index]!))) continue;
    const behind = (graph.serversOf.get(workload.key) ?? []).filter((server) => !DONE.has(server.data.status) && !inError(server, 'status'));
    if (behind.length === 0) continue;
    const list = joinAnd(behind.map((s) => `\`${s.id}\` (${s.data.status})`), 5);
    report({
      code: 'STATUS_MISMATCH',
      message: `\`${workload.id}\` is ${workload.data.status}, but ${behind.length === 1 ? 'its server' : 'its servers'} ${list} ${behind.length === 1 ? 'is' : 'are'} not`,
      place: fieldLocation(workload, 'status'),
      related: behind.map((server) => (server.data.status === 'not-started' ? locationOf(server) : fieldLocation(server, 'status'))),
      entity: entityLabel(workload),
      hint: 'update the server statuses, or the workload status',
    });
  }
};
