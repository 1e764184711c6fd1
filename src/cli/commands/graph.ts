// `backlog graph`: the dependency graph as Mermaid (default), Graphviz DOT or JSON. A Mermaid
// graph too large for Mermaid to draw is not printed as it is: the graph of waves is, and
// stderr says how to narrow the graph asked for.
import { UsageError } from '../../errors.js';
import { dot } from '../../format/graph/dot.js';
import { jsonText, OUTPUT_VERSION } from '../../format/shared/json-output.js';
import { mermaid, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT } from '../../format/graph/mermaid.js';
import { graphView, type ExternalsMode, type GraphLevel, type GraphOptions } from '../../query/graph-view.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';

export interface GraphCommandOptions {
  root?: string;
  focus?: string;
  depth?: number;
  level: GraphLevel;
  wave?: string;
  externals: ExternalsMode;
  format: 'mermaid' | 'dot' | 'json';
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
  if (options.format === 'json') io.stdout(jsonText({ version: OUTPUT_VERSION, ...view }));
  else if (options.format === 'dot') io.stdout(dot(view));
  else {
    const text = mermaid(view);
    const tooLarge = view.edges.length > MERMAID_MAX_EDGES ? `${view.edges.length} edges (Mermaid draws ${MERMAID_MAX_EDGES})` : text.length > MERMAID_MAX_TEXT ? `${text.length} characters (Mermaid draws ${MERMAID_MAX_TEXT})` : undefined;
    if (tooLarge === undefined || options.level === 'wave') io.stdout(text);
    else {
      io.stderr(`backlog: the ${options.level} graph has ${tooLarge}: printed the graph of its waves instead; narrow it with --focus REF, --wave ID or --level, or take all of it with -f dot\n`);
      io.stdout(mermaid(graphView(context, { level: 'wave', depth: 1, allEdges: asked.allEdges, externals: asked.externals })));
    }
  }
  return 0;
}
