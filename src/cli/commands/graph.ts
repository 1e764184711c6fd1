// `backlog graph`: the dependency graph as Mermaid (default), Graphviz DOT or JSON. A Mermaid
// graph too large for Mermaid to draw is not printed as it is: the graph of waves is, and
// stderr says how to narrow the graph asked for.
import { UsageError } from '../../errors.js';
import type { GraphFormat } from '../../format/graph/formats.js';
import { GRAPH_FORMATTERS } from '../../format/graph/index.js';
import { mermaid, mermaidTooLarge } from '../../format/graph/mermaid.js';
import { graphView, type ExternalsMode, type GraphLevel, type GraphOptions } from '../../query/graph-view.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';
import { writeOutput } from '../write-output.js';

export interface GraphCommandOptions {
  root?: string;
  focus?: string;
  depth?: number;
  level: GraphLevel;
  wave?: string;
  externals: ExternalsMode;
  format: GraphFormat;
  allEdges?: boolean;
}

export async function runGraph(options: GraphCommandOptions, io: CliIO): Promise<number> {
  if (options.depth !== undefined && options.focus === undefined) {
    throw new UsageError('--depth goes with --focus: it counts edges away from the focused workload or server');
  }
  const { context } = await openForQuery(io, options.root);
  const asked: GraphOptions = {
    level: options.level,
    depth: options.depth ?? 1,
    allEdges: options.allEdges === true,
    externals: options.externals,
    ...(options.focus !== undefined ? { focus: options.focus } : {}),
    ...(options.wave !== undefined ? { wave: options.wave } : {}),
  };
  const view = graphView(context, asked);
  const text = GRAPH_FORMATTERS[options.format](view);
  const tooLarge = options.format === 'mermaid' && options.level !== 'wave' ? mermaidTooLarge(view, text) : undefined;
  if (tooLarge === undefined) writeOutput(io, text);
  else {
    io.stderr(`backlog: the ${options.level} graph has ${tooLarge}: printed the graph of its waves instead; narrow it with --focus REF, --wave ID or --level, or take all of it with -f dot\n`);
    writeOutput(io, mermaid(graphView(context, { level: 'wave', depth: 1, allEdges: asked.allEdges, externals: asked.externals })));
  }
  return 0;
}
