import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** MISSING_OWNER: a workload without `owner`. */
export const missingOwner: Rule = ({ backlog, report }) => {
  for (const workload of backlog.entities.workloads) {
    if ((workload.data.owner !== undefined && workload.data.owner.trim() !== '') || inError(workload, 'owner')) continue;
    report({
      code: 'MISSING_OWNER',
      message: `workload \`${workload.id}\` has no business owner`,
      place: fieldLocation(workload, 'id'),
      entity: entityLabel(workload),
      hint: 'set `owner` (a name or an e-mail)',
    });
  }
};
