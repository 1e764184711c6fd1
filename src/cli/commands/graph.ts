// `backlog graph`: the dependency graph as Mermaid (default), Graphviz DOT or JSON.
import { UsageError } from '../../errors.js';
import { dot } from '../../format/dot.js';
import { mermaid } from '../../format/mermaid.js';
import { graphView, type GraphLevel } from '../../query/graph-view.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';

export interface GraphCommandOptions {
  root?: string;
  focus?: string;
  depth?: number;
  level: GraphLevel;
  format: 'mermaid' | 'dot' | 'json';
  allEdges?: boolean;
}

export async function runGraph(options: GraphCommandOptions, io: CliIO): Promise<number> {
  if (options.depth !== undefined && options.focus === undefined) {
    throw new UsageError('--depth goes with --focus: it counts edges away from the focused workload or server');
  }
  const { context } = await openForQuery(io, options.root);
  const view = graphView(context, {
    level: options.level,
    depth: options.depth ?? 1,
    allEdges: options.allEdges === true,
    ...(options.focus !== undefined ? { focus: options.focus } : {}),
  });
  if (options.format === 'json') io.stdout(`${JSON.stringify(view, null, 2)}\n`);
  else io.stdout(options.format === 'dot' ? dot(view) : mermaid(view));
  return 0;
}
