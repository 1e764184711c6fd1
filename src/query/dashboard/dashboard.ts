// The dashboard: everything the HTML report shows, as data. Each part is a query of its own;
// the findings come from validation, which the caller runs. The backlog's table
// (backlog-table.ts) and the dependency pictures (dependency-pictures.ts) are asked for apart:
// they do not depend on the day, so a caller can keep them.
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Backlog } from '../../model/backlog.js';
import type { QueryContext } from '../context.js';
import { comparePriority } from '../order.js';
import { buildReport, type Report } from '../report.js';
import { attention, type Attention } from './attention.js';
import { prioritiesWithWorkloads, type PriorityEntry } from './priorities.js';
import { wavePlan, type WavePlanEntry } from './wave-plan.js';

export interface Dashboard {
  project: { name: string | null; description: string | null };
  as_of: string;
  validation: { errors: number; warnings: number; infos: number; findings: readonly Diagnostic[] };
  report: Report;
  waves: WavePlanEntry[];
  priorities: PriorityEntry[];
  attention: Attention;
}

export function buildDashboard(context: QueryContext, options: { asOf: string; diagnostics: readonly Diagnostic[] }): Dashboard {
  const { backlog } = context;
  const ordered = inPriorityOrder(backlog);
  const count = (severity: Diagnostic['severity']) => options.diagnostics.filter((d) => d.severity === severity).length;
  return {
    project: { name: backlog.project?.name ?? null, description: backlog.project?.description ?? null },
    as_of: options.asOf,
    validation: { errors: count('error'), warnings: count('warning'), infos: count('info'), findings: options.diagnostics },
    report: buildReport(context, options.asOf),
    waves: wavePlan(context, options.diagnostics),
    priorities: prioritiesWithWorkloads(context, ordered),
    attention: attention(context, ordered, options.asOf),
  };
}

/** The workloads in the order of `list --priority`. */
export function inPriorityOrder(backlog: Backlog) {
  return [...backlog.byKey.workloads.values()].sort(comparePriority(backlog));
}
