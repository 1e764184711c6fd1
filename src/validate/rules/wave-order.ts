import { type Entity, entityLabel, fieldLocation, inError, locationOf } from '../../model/entity.js';
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
  // The edges in order, so that each pair's first edge is the one a finding names; a pair once
  // found is not reported again. (The map of workload dependencies is not built for this.)
  const reported = new Set<string>();
  // A workload's edges mostly come one after another: what is known of its side is kept.
  let fromKey: string | undefined;
  let from: Entity<'workloads'> | undefined;
  let fromWave: Entity<'waves'> | undefined;
  let group: number | undefined;
  for (const edge of graph.edges) {
    if (edge.classification !== 'app') continue;
    if (edge.from.key !== fromKey) {
      fromKey = edge.from.key;
      // The first workload of the id: an edge of a repeated workload's depends_on counts as its.
      from = backlog.byKey.workloads.get(fromKey)!;
      fromWave = waveOf(backlog, from);
      group = graph.moveGroupOf.get(fromKey);
    }
    if (!from || !fromWave) continue; // Not scheduled: nothing to order yet.
    const to = edge.to;
    if (group !== undefined && graph.moveGroupOf.get(to.key) === group) continue;
    if (!movesLater(standings.get(to.key), fromWave) || inError(to, 'wave', 'status', 'strategy')) continue;
    const pair = `${from.key}\0${to.key}`;
    if (reported.has(pair)) continue;
    reported.add(pair);
    const toWave = waveOf(backlog, to);
    // A wave written but not defined (UNKNOWN_REFERENCE says so too) is not "no wave".
    const unknownWave = toWave ? undefined : to.data.wave;
    const message = toWave
      ? `\`${from.id}\` is in ${fromWave.id} (order ${fromWave.data.order}) but depends on \`${to.id}\`, which moves later in ${toWave.id} (order ${toWave.data.order})`
      : unknownWave !== undefined
        ? `\`${from.id}\` is in ${fromWave.id} but depends on \`${to.id}\`, whose wave \`${unknownWave}\` does not exist`
        : `\`${from.id}\` is in ${fromWave.id} but depends on \`${to.id}\`, which has no wave`;
    report({
      code: 'WAVE_ORDER',
      message,
      place: fieldLocation(from, 'wave'),
      related: [to.data.wave === undefined ? locationOf(to) : fieldLocation(to, 'wave'), edge.origin],
      entity: entityLabel(from),
      hint: toWave
        ? `move \`${to.id}\` to ${fromWave.id} or earlier, or \`${from.id}\` to ${toWave.id} or later`
        : `${unknownWave !== undefined ? `define wave \`${unknownWave}\`, or ` : ''}give \`${to.id}\` a wave no later than ${fromWave.id}`,
    });
  }
};
