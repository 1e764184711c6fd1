import { entityLabel, fieldLocation, type Entity } from '../../model/entity.js';
import { waveOf } from '../../model/status.js';
import { plural } from '../../text/list.js';
import type { Rule } from './rule.js';

/** WAVE_CAPACITY: a wave holds more servers than its max_servers (or the project default). */
export const waveCapacity: Rule = ({ backlog, graph, report }) => {
  const fallback = backlog.project?.defaults?.max_servers_per_wave;
  const capacityOf = (wave: Entity<'waves'>) => wave.data.max_servers ?? fallback;
  // The servers of the waves that have a capacity: a backlog without any counts none (50,000 at L).
  const serversIn = new Map<Entity<'waves'>, Set<number>>();
  for (const workload of backlog.byKey.workloads.values()) {
    const wave = waveOf(backlog, workload);
    if (!wave || capacityOf(wave) === undefined) continue;
    let servers = serversIn.get(wave);
    if (!servers) serversIn.set(wave, (servers = new Set()));
    for (const server of graph.serverIndexesOf.get(workload.key) ?? []) servers.add(server);
  }
  for (const [wave, servers] of serversIn) {
    const capacity = capacityOf(wave)!;
    if (servers.size <= capacity) continue;
    const own = wave.data.max_servers !== undefined;
    report({
      code: 'WAVE_CAPACITY',
      message: `wave \`${wave.id}\` holds ${servers.size} servers, more than its capacity of ${capacity}${own ? '' : ' (project.defaults.max_servers_per_wave)'}`,
      place: own ? fieldLocation(wave, 'max_servers') : fieldLocation(wave, 'id'),
      entity: entityLabel(wave),
      hint: `move workloads with at least ${plural(servers.size - capacity, 'server')} to another wave, or raise ${own ? 'its max_servers' : 'the capacity'}`,
    });
  }
};
