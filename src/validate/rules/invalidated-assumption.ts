import { entityLabel, fieldLocation, type Entity } from '../../model/entity.js';
import type { NodeLocation } from '../../model/place.js';
import { referencesIn } from '../../model/references.js';
import { hasMoved } from '../../model/status.js';
import type { Rule } from './rule.js';

/**
 * INVALIDATED_ASSUMPTION: a workload not yet migrated relies on an invalidated assumption, by
 * listing it in `assumptions` or by being in the assumption's `applies_to`. Placed on the link.
 */
export const invalidatedAssumption: Rule = ({ backlog, report }) => {
  const reported = new Set<string>();
  const flag = (workload: Entity<'workloads'>, assumption: Entity<'assumptions'>, place: NodeLocation, related: NodeLocation) => {
    const pair = `${workload.key}\u0000${assumption.key}`;
    if (hasMoved(workload) || reported.has(pair)) return;
    reported.add(pair);
    report({
      code: 'INVALIDATED_ASSUMPTION',
      message: `\`${workload.id}\` relies on assumption \`${assumption.id}\`, which has been invalidated`,
      place,
      related: [related],
      entity: entityLabel(workload),
      hint: `revisit the plan for \`${workload.id}\`, then remove the link`,
    });
  };
  for (const workload of backlog.entities.workloads) {
    for (const { value, location } of referencesIn(workload, 'assumptions')) {
      const assumption = backlog.byKey.assumptions.get(value.toLowerCase());
      if (assumption?.data.status === 'invalidated') flag(workload, assumption, location, fieldLocation(assumption, 'status'));
    }
  }
  for (const assumption of backlog.entities.assumptions) {
    if (assumption.data.status !== 'invalidated') continue;
    for (const { value, location } of referencesIn(assumption, 'applies_to')) {
      const workload = backlog.byKey.workloads.get(value.toLowerCase());
      if (workload) flag(workload, assumption, location, fieldLocation(assumption, 'status'));
    }
  }
};
