import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** ORPHAN_SERVER: a server that belongs to no workload. */
export const orphanServer: Rule = ({ backlog, report }) => {
  for (const server of backlog.entities.servers) {
    if ((server.data.workloads ?? []).length > 0 || inError(server, 'workloads')) continue;
    report({
      code: 'ORPHAN_SERVER',
      message: `server \`${server.id}\` belongs to no workload`,
      place: fieldLocation(server, 'id'),
      entity: entityLabel(server),
      hint: 'set its `workloads`, so that it is planned into a wave with them',
    });
  }
};
