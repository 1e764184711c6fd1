// Writing a wave plan into the backlog: each moved workload's `wave`, in the file it is
// written in, and the waves the plan adds, beside the existing ones.
import type { Backlog } from '../model/backlog.js';
import { locationOf } from '../model/entity.js';
import { addTo } from '../model/group.js';
import { ROOT_FILE } from '../load/find-root.js';
import type { WavePlan } from '../query/suggest-waves.js';
import type { Edit } from './text-edits.js';

/** The edits, by file, that write the plan. */
export function waveAssignmentEdits(backlog: Backlog, plan: WavePlan): Map<string, Edit[]> {
  const edits = new Map<string, Edit[]>();
  const add = (file: string, edit: Edit) => addTo(edits, file, edit);
  for (const placement of plan.placements) {
    if (placement.from === placement.to) continue;
    const { file, doc, path } = locationOf(backlog.byKey.workloads.get(placement.workload.toLowerCase())!);
    add(file, { kind: 'set', doc, path, field: 'wave', value: placement.to });
  }
  const lastWave = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order).at(-1);
  const target = lastWave ? locationOf(lastWave) : { file: ROOT_FILE, doc: 0 };
  const added = plan.waves.filter((w) => w.added).map((wave) => ({ id: wave.id, order: wave.order, ...(wave.maxServers !== null ? { max_servers: wave.maxServers } : {}) }));
  if (added.length > 0) add(target.file, { kind: 'append', doc: target.doc, collection: 'waves', items: added });
  return edits;
}
