import { entityLabel, fieldLocation } from '../../model/entity.js';
import { forEachReference, ReferenceOccurrence, typedCollection } from '../../model/references.js';
import type { Rule } from './rule.js';

/**
 * Whether two typed references name the same thing: the same kind, and ids equal but for case.
 * Compared in place, without making a string, for each of a large estate's 100,000 dependencies.
 * Well-formed ids are ASCII (ID_PATTERN), so folding ASCII letters is what idKey does to them.
 */
function sameTarget(a: string, b: string): boolean {
  const idA = a.indexOf(':') + 1;
  const idB = b.indexOf(':') + 1;
  const length = a.length - idA;
  if (b.length - idB !== length) return false;
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(idA + i);
    const y = b.charCodeAt(idB + i);
    if (x !== y && foldCase(x) !== foldCase(y)) return false;
  }
  return typedCollection(a) === typedCollection(b);
}

/** An ASCII capital as its small letter; any other code unit as it is. */
const foldCase = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);

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
  // Each workload's depends_on looked at in place: an occurrence is made only for a finding.
  for (const workload of backlog.entities.workloads) {
    let itself: string | undefined;
    forEachReference(
      workload,
      (field, target, value, index) => {
        if (!sameTarget((itself ??= `workload:${workload.id}`), value)) return;
        report({
          code: 'SELF_DEPENDENCY',
          message: `\`${workload.id}\` lists itself in depends_on`,
          place: new ReferenceOccurrence(workload, field, target, value, index).location,
          entity: entityLabel(workload),
          hint: 'remove it, or name the workload it was meant to be',
        });
      },
      'depends_on',
    );
  }
};
