import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** MISSING_RATIONALE: a business priority without `rationale`. */
export const missingRationale: Rule = ({ backlog, report }) => {
  for (const priority of backlog.entities.priorities) {
    if ((priority.data.rationale !== undefined && priority.data.rationale.trim() !== '') || inError(priority, 'rationale')) continue;
    report({
      code: 'MISSING_RATIONALE',
      message: `priority \`${priority.id}\` does not say why it matters`,
      place: fieldLocation(priority, 'id'),
      entity: entityLabel(priority),
      hint: 'write its `rationale`: the team must be able to explain it',
    });
  }
};
