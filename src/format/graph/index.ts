// The formats of `backlog graph`, by the name `-f` takes.
import type { GraphView } from '../../query/graph-view.js';
import { dot } from './dot.js';
import type { GraphFormat } from './formats.js';
import { graphJson } from './json.js';
import { mermaid } from './mermaid.js';

export const GRAPH_FORMATTERS: Record<GraphFormat, (view: GraphView) => string> = { mermaid, dot, json: graphJson };
