import type { Backlog } from '../model/backlog.js';
import type { WorkloadGraph } from '../model/graph.js';

/** What every query reads: the model and its dependency graph. */
export interface QueryContext {
  backlog: Backlog;
  graph: WorkloadGraph;
}
