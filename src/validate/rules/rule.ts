import type { Backlog } from '../../model/backlog.js';
import type { WorkloadGraph } from '../../model/graph.js';
import type { DiagnosticDraft } from '../../model/diagnostic.js';

interface RuleContext {
  backlog: Backlog;
  graph: WorkloadGraph;
  /** "Today" for date rules, YYYY-MM-DD. */
  asOf: string;
  /** Files that could not be read (YAML errors): an entity defined there is missing from the model. */
  unreadableFiles: readonly string[];
  report(draft: DiagnosticDraft): void;
}

/** One cross-entity check. Each rule lives in its own file and reports through the context. */
export type Rule = (context: RuleContext) => void;
