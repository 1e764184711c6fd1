import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import { movesLater, standing, waveOf, type Standing } from '../../model/status.js';
import type { Rule } from './rule.js';

/**
 * WAVE_ORDER: a workload in an earlier wave than a workload it depends on through an `app`
 * edge, or that one has no wave, unless that one stays or has moved already. Edges inside a
 * move group are SPLIT_MOVE_GROUP's business. One finding per pair of workloads, placed on the
 * dependent's wave, however many edges join them.
 */
export const waveOrder: Rule = ({ backlog, graph, report }) => {
  // Each workload's standing once, not once per workload depending on it (100,000 pairs at L).
  const standings = new Map<string, Standing>();
  for (const workload of backlog.byKey.workloads.values()) standings.set(workload.key, standing(backlog, workload));
  for (const [fromKey, dependencies] of graph.appDependencies) {
    const from = backlog.byKey.workloads.get(fromKey)!;
    const fromWave = waveOf(backlog, from);
    if (!fromWave) continue; // Not scheduled: nothing to order yet.
    const group = graph.moveGroupOf.get(fromKey);
    for (const [toKey, edge] of dependencies) {
      if (group !== undefined && graph.moveGroupOf.get(toKey) === group) continue;
      const to = edge.to;
      if (!movesLater(standings.get(toKey), fromWave) || inError(to, 'wave', 'status', 'strategy')) continue;
      const toWave = waveOf(backlog, to);
      const message = toWave
        ? `\`${from.id}\` is in ${fromWave.id} (order ${fromWave.data.order}) but depends on \`${to.id}\`, which moves later in ${toWave.id} (order ${toWave.data.order})`
        : `\`${from.id}\` is in ${fromWave.id} but depends on \`${to.id}\`, which has no wave`;
      report({
        code: 'WAVE_ORDER',
        message,
        place: fieldLocation(from, 'wave'),
        related: [to.data.wave === undefined ? to.location : fieldLocation(to, 'wave'), edge.origin],
        entity: entityLabel(from),
        hint: toWave ? `move \`${to.id}\` to ${fromWave.id} or earlier, or \`${from.id}\` to ${toWave.id} or later` : `give \`${to.id}\` a wave no later than ${fromWave.id}`,
      });
    }
  }
};
