import { type Entity, entityLabel, fieldLocation, inError, locationOf } from '../../model/entity.js';
import { referencesIn } from '../../model/references.js';
import type { Rule } from './rule.js';

const CLOSED = new Set(['done', 'wont-fix', 'accepted-risk']);

/**
 * OPEN_REMEDIATION: a workload scheduled or migrating with an open high-severity remediation,
 * naming it directly or through one of its servers. Unset status counts as open.
 */
export const openRemediation: Rule = ({ backlog, graph, report }) => {
  const openByWorkload = new Map<string, Entity<'remediations'>[]>();
  const add = (workloadKey: string, remediation: Entity<'remediations'>) => {
    const list = openByWorkload.get(workloadKey) ?? [];
    if (!list.includes(remediation)) list.push(remediation);
    openByWorkload.set(workloadKey, list);
  };
  for (const remediation of backlog.entities.remediations) {
    const { severity, status } = remediation.data;
    if (severity !== 'high' || (status !== undefined && CLOSED.has(status)) || inError(remediation, 'status')) continue;
    for (const { value } of referencesIn(remediation, 'workloads')) add(value.toLowerCase(), remediation);
    for (const { value } of referencesIn(remediation, 'servers')) {
      for (const owner of graph.ownersOf.get(value.toLowerCase()) ?? []) add(owner.key, remediation);
    }
  }
  for (const workload of backlog.byKey.workloads.values()) {
    const status = workload.data.status;
    if (status !== 'scheduled' && status !== 'migrating') continue;
    for (const remediation of openByWorkload.get(workload.key) ?? []) {
      report({
        code: 'OPEN_REMEDIATION',
        message: `\`${workload.id}\` is ${status} with high-severity remediation \`${remediation.id}\` still ${remediation.data.status ?? 'open'}`,
        place: fieldLocation(workload, 'status'),
        related: [locationOf(remediation)],
        entity: entityLabel(workload),
        hint: 'finish the remediation, accept the risk explicitly (status: accepted-risk), or postpone the workload',
      });
    }
  }
};
