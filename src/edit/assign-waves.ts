// Writing a wave plan into the backlog: each moved workload's `wave`, in the file it is
// written in, and the waves the plan adds, beside the existing ones.
import type { Backlog } from '../model/backlog.js';
import { ROOT_FILE } from '../load/find-root.js';
import type { SourceFile } from '../load/types.js';
import type { WavePlan } from '../query/suggest-waves.js';
import { appendItem, setField } from './text-edits.js';

/** The new text of every file the plan changes. */
export function waveAssignmentEdits(backlog: Backlog, files: readonly SourceFile[], plan: WavePlan): Map<string, string> {
  const texts = new Map<string, string>();
  const textOf = (path: string) => texts.get(path) ?? files.find((file) => file.path === path)?.text ?? '';
  for (const placement of plan.placements) {
    if (placement.from === placement.to) continue;
    const workload = backlog.byKey.workloads.get(placement.workload.toLowerCase())!;
    const { file, doc, path } = workload.location;
    texts.set(file, setField(textOf(file), doc, path, 'wave', placement.to));
  }
  const lastWave = [...backlog.byKey.waves.values()].sort((a, b) => a.data.order - b.data.order).at(-1);
  const target = lastWave?.location ?? { file: ROOT_FILE, doc: 0 };
  for (const wave of plan.waves.filter((w) => w.added)) {
    const entry = { id: wave.id, order: wave.order, ...(wave.maxServers !== null ? { max_servers: wave.maxServers } : {}) };
    texts.set(target.file, appendItem(textOf(target.file), target.doc, 'waves', entry));
  }
  return texts;
}
