import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** UNRATIONALIZED_IN_WAVE: a workload with strategy tbd (or none) is in a wave. */
export const unrationalizedInWave: Rule = ({ backlog, report }) => {
  for (const workload of backlog.entities.workloads) {
    const { wave, strategy } = workload.data;
    if (wave === undefined || (strategy !== undefined && strategy !== 'tbd') || inError(workload, 'strategy')) continue;
    report({
      code: 'UNRATIONALIZED_IN_WAVE',
      message: `\`${workload.id}\` is in ${wave} but its strategy is ${strategy === undefined ? 'not set' : 'still tbd'}`,
      place: strategy === undefined ? fieldLocation(workload, 'wave') : fieldLocation(workload, 'strategy'),
      entity: entityLabel(workload),
      hint: 'decide how it moves (rehost, replatform, ...), or take it out of the wave',
    });
  }
};
