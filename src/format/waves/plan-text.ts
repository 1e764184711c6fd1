// The plan of `backlog waves --suggest` as text: wave by wave, each workload with where it was,
// where it goes and why.
import type { ChalkInstance } from 'chalk';
import type { WavePlan } from '../../query/suggest-waves.js';
import { plural } from '../../text/list.js';
import { hanging, wrapText } from '../shared/wrap.js';

/** `columns`: the terminal's width, which the reasons and notes keep within; undefined off a terminal. */
export function wavePlanText(plan: WavePlan, style: ChalkInstance, columns?: number): string {
  const out: string[] = [];
  for (const wave of plan.waves) {
    const placements = plan.placements.filter((p) => p.to === wave.id);
    if (placements.length === 0 && !wave.added) continue;
    const capacity = wave.capacity === null ? `${wave.servers} servers` : `${wave.servers}/${wave.capacity} servers`;
    out.push(style.bold(`${wave.id}${wave.added ? ' (new)' : ''}`) + style.dim(`  order ${wave.order}, ${capacity}`));
    const width = Math.max(0, ...placements.map((p) => p.workload.length));
    for (const p of placements) {
      const move = p.from === p.to ? style.dim('stays') : p.from === null ? style.green(`new in ${p.to}`) : style.yellow(`from ${p.from}`);
      out.push(hanging(`  ${p.workload.padEnd(width)}  `, `${move}  ${style.dim(p.reason)}`, columns));
    }
    out.push('');
  }
  if (plan.notes.length > 0) out.push(style.bold('Notes'), ...plan.notes.map((note) => wrapText('  ', note, columns, '    ').join('\n')), '');
  const changes = plan.placements.filter((p) => p.from !== p.to).length;
  const added = plan.waves.filter((w) => w.added).length;
  out.push(
    changes === 0 && added === 0
      ? 'Nothing to change.'
      : hanging('', `${plural(changes, 'workload')} to assign${added > 0 ? `, ${plural(added, 'new wave')}` : ''}. Apply with --write (see the diff first with --write --dry-run).`, columns),
  );
  return `${out.join('\n')}\n`;
}
