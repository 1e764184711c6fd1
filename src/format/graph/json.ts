// `backlog graph -f json`: the graph view as it is, for other tools to draw.
import type { GraphView } from '../../query/graph-view.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export function graphJson(view: GraphView): string {
  return jsonText({ version: OUTPUT_VERSION, ...view });
}
