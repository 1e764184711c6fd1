// The backlog as the page's script reads it (client/backlog-table.js): rows as arrays, in the
// order written here, and what names them as indices, so that 10,000 workloads and 50,000
// servers stay a few megabytes of JSON.
import { CRITICALITIES, DEPENDENCY_CLASSIFICATIONS, LEVELS, STRATEGIES, WORKLOAD_STATUSES } from '../../../../schemas/vocabulary.js';
import type { BacklogTable } from '../../../query/dashboard/backlog-table.js';
import { printable } from '../../../text/printable.js';

type Text = string | null;

export interface ClientData {
  /** [id, name, priority, status, wave, strategy, owner, criticality, servers, dependsOn, external, assumptions, risks, remediations]; dependsOn as [workload, classification, ...]. */
  workloads: Array<[string, string, Text, string, Text, Text, Text, Text, number[], number[], string[], number[], number[], number[]]>;
  /** [id, os, cores, memory_gb, status] */
  servers: Array<[string, Text, number | null, number | null, string]>;
  /** [id, statement, status] */
  assumptions: Array<[string, string, string]>;
  /** [id, title, severity, status] */
  risks: Array<[string, string, Text, string]>;
  remediations: Array<[string, string, Text, string]>;
  classifications: readonly string[];
  /** The order a column sorts in, where it is not the text's. */
  order: Record<'priority' | 'status' | 'wave' | 'strategy' | 'criticality', readonly string[]>;
}

export function clientData(table: BacklogTable, waveOrder: readonly string[]): ClientData {
  const classification = new Map<string, number>(DEPENDENCY_CLASSIFICATIONS.map((name, index) => [name, index]));
  const text = (value: string | null) => (value === null ? null : printable(value));
  return {
    workloads: table.workloads.map((w) => [
      printable(w.id),
      printable(w.name),
      w.priority,
      w.status,
      text(w.wave),
      w.strategy,
      text(w.owner),
      w.criticality,
      w.servers,
      w.dependsOn.flatMap((edge) => [edge.workload, classification.get(edge.classification)!]),
      w.external.map(printable),
      w.assumptions,
      w.risks,
      w.remediations,
    ]),
    servers: table.servers.map((s) => [printable(s.id), text(s.os), s.cores, s.memory_gb, s.status]),
    assumptions: table.assumptions.map((a) => [printable(a.id), printable(a.statement), a.status]),
    risks: table.risks.map((r) => [printable(r.id), printable(r.title), r.severity, r.status]),
    remediations: table.remediations.map((r) => [printable(r.id), printable(r.title), r.severity, r.status]),
    classifications: DEPENDENCY_CLASSIFICATIONS,
    order: { priority: LEVELS, status: WORKLOAD_STATUSES, wave: waveOrder, strategy: STRATEGIES, criticality: CRITICALITIES },
  };
}
