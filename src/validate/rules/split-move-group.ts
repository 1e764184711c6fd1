import { type Entity, entityLabel, fieldLocation, inError, locationOf } from '../../model/entity.js';
import { addTo } from '../../model/group.js';
import { isSettled, waveOf } from '../../model/status.js';
import { joinAnd } from '../../text/list.js';
import type { Rule } from './rule.js';

type Workload = Entity<'workloads'>;
const NO_WAVE = '(no wave)';

/**
 * SPLIT_MOVE_GROUP: members of a move group in different waves. The group's wave is the one most
 * of its members are in (the earliest on a tie); each member elsewhere is a finding. Members that
 * stay or have moved already are left out.
 */
export const splitMoveGroup: Rule = ({ backlog, graph, report }) => {
  for (const group of graph.moveGroups) {
    const members = group.filter((workload) => !isSettled(workload) && !inError(workload, 'wave', 'status', 'strategy'));
    const byWave = new Map<string, Workload[]>();
    for (const member of members) {
      const wave = waveOf(backlog, member)?.id ?? NO_WAVE;
      addTo(byWave, wave, member);
    }
    if (byWave.size < 2) continue;
    const orderOf = (wave: string) => (wave === NO_WAVE ? Infinity : (backlog.byKey.waves.get(wave.toLowerCase())?.data.order ?? Infinity));
    const [groupWave] = [...byWave.entries()].sort(
      ([a, x], [b, y]) => y.length - x.length || orderOf(a) - orderOf(b),
    )[0]!;
    const together = byWave.get(groupWave)!;
    for (const [wave, stragglers] of byWave) {
      if (wave === groupWave) continue;
      for (const member of stragglers) {
        const where = wave === NO_WAVE ? 'has no wave' : `is in ${wave}`;
        report({
          code: 'SPLIT_MOVE_GROUP',
          message: `\`${member.id}\` ${where}, but the rest of its move group (${joinAnd(together.map((w) => `\`${w.id}\``), 5)}) is in ${groupWave}: they depend on each other in a cycle`,
          place: member.data.wave === undefined ? locationOf(member) : fieldLocation(member, 'wave'),
          related: together.map((w) => (w.data.wave === undefined ? locationOf(w) : fieldLocation(w, 'wave'))),
          entity: entityLabel(member),
          hint: groupWave === NO_WAVE ? undefined : `move it to ${groupWave}`,
        });
      }
    }
  }
};
