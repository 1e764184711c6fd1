import { entityLabel, fieldLocation } from '../../model/entity.js';
import { parseReference, referencesIn } from '../../model/references.js';
import type { Rule } from './rule.js';

const sameTarget = (a: string, b: string) => {
  const x = parseReference('typed', a);
  const y = parseReference('typed', b);
  return x.kind === y.kind && x.id.toLowerCase() === y.id.toLowerCase();
};

/**
 * SELF_DEPENDENCY: a dependency whose from and to are the same entity, or a workload listing
 * itself in depends_on. Two servers of one workload are different entities, so not this.
 */
export const selfDependency: Rule = ({ backlog, report }) => {
  for (const dependency of backlog.entities.dependencies) {
    const { from, to } = dependency.data;
    if (from === undefined || to === undefined || !sameTarget(from, to)) continue;
    report({
      code: 'SELF_DEPENDENCY',
      message: `dependency from \`${from}\` to itself`,
      place: fieldLocation(dependency, 'to'),
      related: [fieldLocation(dependency, 'from')],
      entity: entityLabel(dependency),
      hint: 'correct `from` or `to`, or delete the dependency',
    });
  }
  for (const workload of backlog.entities.workloads) {
    for (const reference of referencesIn(workload, 'depends_on')) {
      if (!sameTarget(`workload:${workload.id}`, reference.value)) continue;
      report({
        code: 'SELF_DEPENDENCY',
        message: `\`${workload.id}\` lists itself in depends_on`,
        place: reference.location,
        entity: entityLabel(workload),
        hint: 'remove it, or name the workload it was meant to be',
      });
    }
  }
};
