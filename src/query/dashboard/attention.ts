// What needs a decision: assumptions invalidated or past review, open remediations that hold
// up a wave, risks by severity, workloads nobody owns or nobody has said why they move.
import { LEVELS } from '../../../schemas/vocabulary.js';
import type { Entity } from '../../model/entity.js';
import { hasMoved, waveOf } from '../../model/status.js';
import type { QueryContext } from '../context.js';
import { isOpenRemediation } from '../report.js';
import { remediationsByWorkload } from './backlog-table.js';

type Workload = Entity<'workloads'>;

type Level = (typeof LEVELS)[number];

export interface Attention {
  /** Invalidated assumptions, with the workloads not yet migrated that rely on them. */
  invalidated_assumptions: Array<{ id: string; statement: string; owner: string | null; workloads: string[] }>;
  /** Open assumptions past their `review_by`. */
  stale_assumptions: Array<{ id: string; statement: string; owner: string | null; review_by: string }>;
  /** Open remediations of workloads still to move in a wave not completed; the earliest such wave first. */
  blocking_remediations: Array<{
    id: string;
    title: string;
    severity: string | null;
    status: string;
    owner: string | null;
    due: string | null;
    wave: { id: string; name: string | null; start: string | null };
    /** Due after the wave starts, or not due at all while the wave has a start. */
    late: boolean;
    workloads: string[];
  }>;
  /** Risks not closed and rated for both likelihood and impact, by the two: a cell for each pair, high first. */
  risk_grid: Array<{ likelihood: Level; impact: Level; risks: string[] }>;
  /** Risks not closed, by severity (high first, then unset) and status. */
  risks: Array<{ severity: string | null; status: string; risks: Array<{ id: string; title: string; category: string | null; owner: string | null; mitigation: string | null; workloads: string[] }> }>;
  without_owner: Array<{ id: string; name: string }>;
  /** No driver, or none of its drivers says why it matters. */
  without_rationale: Array<{ id: string; name: string; drivers: string[] }>;
}

export function attention(context: QueryContext, ordered: readonly Workload[], asOf: string): Attention {
  const { backlog } = context;
  const relying = new Map<string, Set<Workload>>();
  const relyOn = (assumptionId: string, workload: Workload | undefined) => {
    if (!workload || hasMoved(workload)) return;
    const set = relying.get(assumptionId.toLowerCase()) ?? new Set();
    relying.set(assumptionId.toLowerCase(), set.add(workload));
  };
  for (const workload of ordered) for (const id of workload.data.assumptions ?? []) relyOn(id, workload);
  for (const assumption of backlog.entities.assumptions) {
    for (const id of assumption.data.applies_to ?? []) relyOn(assumption.key, backlog.byKey.workloads.get(id.toLowerCase()));
  }

  return {
    invalidated_assumptions: backlog.entities.assumptions
      .filter((a) => a.data.status === 'invalidated')
      .map((a) => ({ id: a.id, statement: a.data.statement ?? '', owner: a.data.owner ?? null, workloads: [...(relying.get(a.key) ?? [])].map((w) => w.id) })),
    stale_assumptions: backlog.entities.assumptions
      .filter((a) => a.data.status === 'open' && a.data.review_by !== undefined && a.data.review_by < asOf)
      .map((a) => ({ id: a.id, statement: a.data.statement ?? '', owner: a.data.owner ?? null, review_by: a.data.review_by! })),
    blocking_remediations: blockingRemediations(context, ordered),
    risk_grid: riskGrid(context),
    risks: risksBySeverity(context),
    without_owner: ordered.filter((w) => !w.data.owner?.trim()).map((w) => ({ id: w.id, name: w.data.name ?? '' })),
    without_rationale: ordered
      .filter((w) => !(w.data.drivers ?? []).some((id) => backlog.byKey.priorities.get(id.toLowerCase())?.data.rationale?.trim()))
      .map((w) => ({ id: w.id, name: w.data.name ?? '', drivers: w.data.drivers ?? [] })),
  };
}

function blockingRemediations(context: QueryContext, ordered: readonly Workload[]): Attention['blocking_remediations'] {
  const { backlog } = context;
  const remediations = backlog.entities.remediations;
  const held = new Map<number, Workload[]>();
  const byWorkload = remediationsByWorkload(context);
  for (const workload of ordered) {
    const wave = waveOf(backlog, workload);
    if (!wave || wave.data.status === 'completed' || hasMoved(workload)) continue;
    for (const index of byWorkload.get(workload.key) ?? []) {
      if (isOpenRemediation(remediations[index]!)) held.set(index, [...(held.get(index) ?? []), workload]);
    }
  }
  const entries = [...held].map(([index, workloads]) => {
    const remediation = remediations[index]!;
    const wave = workloads.map((w) => waveOf(backlog, w)!).sort((a, b) => a.data.order - b.data.order)[0]!;
    const { due } = remediation.data;
    const start = wave.data.start ?? null;
    return {
      order: wave.data.order,
      entry: {
        id: remediation.id,
        title: remediation.data.title ?? '',
        severity: remediation.data.severity ?? null,
        status: remediation.data.status ?? 'open',
        owner: remediation.data.owner ?? null,
        due: due ?? null,
        wave: { id: wave.id, name: wave.data.name ?? null, start },
        late: start !== null && (due === undefined || due > start),
        workloads: workloads.map((w) => w.id),
      },
    };
  });
  const severity = (level: string | null) => (level === null ? LEVELS.length : LEVELS.indexOf(level as Level));
  return entries
    .sort((a, b) => a.order - b.order || severity(a.entry.severity) - severity(b.entry.severity) || (a.entry.due ?? '9999').localeCompare(b.entry.due ?? '9999') || a.entry.id.localeCompare(b.entry.id))
    .map(({ entry }) => entry);
}

function riskGrid({ backlog }: QueryContext): Attention['risk_grid'] {
  const open = backlog.entities.risks.filter((r) => (r.data.status ?? 'open') !== 'closed');
  return LEVELS.flatMap((likelihood) =>
    LEVELS.map((impact) => ({ likelihood, impact, risks: open.filter((r) => r.data.likelihood === likelihood && r.data.impact === impact).map((r) => r.id) })),
  );
}

function risksBySeverity({ backlog }: QueryContext): Attention['risks'] {
  const cells: Attention['risks'] = [];
  for (const severity of [...LEVELS, null]) {
    for (const status of ['open', 'mitigating']) {
      const risks = backlog.entities.risks.filter((r) => (r.data.severity ?? null) === severity && (r.data.status ?? 'open') === status);
      if (risks.length === 0) continue;
      cells.push({
        severity,
        status,
        risks: risks.map((r) => ({ id: r.id, title: r.data.title ?? '', category: r.data.category ?? null, owner: r.data.owner ?? null, mitigation: r.data.mitigation ?? null, workloads: r.data.workloads ?? [] })),
      });
    }
  }
  return cells;
}
