// The dependency graph as a Mermaid flowchart (renders in GitHub markdown). Node ids are
// generated (n0, n1, ...) so that no backlog id can break the syntax; every label is quoted
// and escaped with Mermaid's entity codes. Edges say what they are by their look, not by text:
// a label only where it says something a line cannot (a wrong-way edge, how many edges a
// collapsed one stands for), which also keeps large graphs within what Mermaid draws.
import type { GraphEdge, GraphNode, GraphView } from '../../query/graph-view.js';
import { mermaidText } from '../shared/mermaid-text.js';

/** Mermaid's defaults (`maxEdges`, `maxTextSize`): past them it draws an error instead. */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

const CROSS_WAVE = 'stroke:#2563eb';
const WRONG_WAY = 'stroke:#dc2626,stroke-width:3px';
const FAINT = 'stroke:#9ca3af';

/** Why Mermaid would draw an error instead of this graph (its text given), or undefined when it draws it. */
export function mermaidTooLarge(view: GraphView, text: string): string | undefined {
  if (view.edges.length > MERMAID_MAX_EDGES) return `${view.edges.length} edges (Mermaid draws ${MERMAID_MAX_EDGES})`;
  return text.length > MERMAID_MAX_TEXT ? `${text.length} characters (Mermaid draws ${MERMAID_MAX_TEXT})` : undefined;
}

export function mermaid(view: GraphView): string {
  const ids = new Map(view.nodes.map((node, i) => [node.key, `n${i}`]));
  const lines = ['flowchart LR'];
  view.clusters.forEach((cluster, c) => {
    const members = view.nodes.filter((node) => node.cluster === cluster.key);
    if (members.length === 0) return;
    lines.push(`  subgraph c${c}["${mermaidText(cluster.label)}"]`);
    for (const node of members) lines.push(`    ${ids.get(node.key)}${shape(node)}`);
    lines.push('  end');
  });
  for (const node of view.nodes.filter((n) => n.cluster === null)) lines.push(`  ${ids.get(node.key)}${shape(node)}`);
  const styled: Record<string, number[]> = { [CROSS_WAVE]: [], [WRONG_WAY]: [], [FAINT]: [] };
  const sizes = new Map(view.nodes.map((node) => [node.key, node.size]));
  view.edges.forEach((edge, i) => {
    lines.push(`  ${ids.get(edge.from)} ${arrow(edge, sizes)} ${ids.get(edge.to)}`);
    const style = edgeStyle(edge);
    if (style) styled[style]!.push(i);
  });
  const grouped = view.nodes.filter((node) => node.moveGroup !== null).map((node) => ids.get(node.key));
  if (grouped.length > 0) lines.push('  classDef moveGroup stroke:#d97706,stroke-width:3px', `  class ${grouped.join(',')} moveGroup`);
  const outside = view.nodes.filter((node) => node.kind === 'external' || node.kind === 'externals').map((node) => ids.get(node.key));
  if (outside.length > 0) lines.push('  classDef external stroke-dasharray:4 3', `  class ${outside.join(',')} external`);
  for (const [style, indexes] of Object.entries(styled)) if (indexes.length > 0) lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
  return `${lines.join('\n')}\n`;
}

function shape(node: GraphNode): string {
  const label = nodeLabel(node);
  if (node.kind === 'external' || node.kind === 'externals') return `(["${label}"])`;
  return node.kind === 'wave' ? `[["${label}"]]` : `["${label}"]`;
}

function nodeLabel(node: GraphNode): string {
  if (node.kind === 'wave') return `${mermaidText(node.label)}<br/>${node.size} ${node.size === 1 ? 'workload' : 'workloads'}`;
  const title = node.label !== node.id && node.kind !== 'externals' ? `${mermaidText(node.id)}<br/>${mermaidText(node.label)}` : mermaidText(node.label);
  return node.moveGroup ? `${title}<br/><i>${mermaidText(node.moveGroup)}</i>` : title;
}

/** Solid: an app dependency; thick: one that goes the wrong way; dotted: not app. */
function arrow(edge: GraphEdge, sizes: ReadonlyMap<string, number>): string {
  const label = edgeLabel(edge, sizes);
  const text = label === undefined ? '' : `|${mermaidText(label)}|`;
  if (edge.classification !== 'app') return `-.->${text}`;
  return edge.wrongWay ? `==>${text}` : `-->${text}`;
}

/** What only words can say: the wrong way, and how many edges a line to or from a collapsed node stands for. */
export function edgeLabel(edge: GraphEdge, sizes: ReadonlyMap<string, number>): string | undefined {
  const counted = edge.count > 1 && ((sizes.get(edge.from) ?? 1) > 1 || (sizes.get(edge.to) ?? 1) > 1);
  if (edge.wrongWay) return counted ? `wrong way ×${edge.count}` : 'wrong way';
  return counted ? `×${edge.count}` : undefined;
}

function edgeStyle(edge: GraphEdge): string | undefined {
  if (edge.wrongWay) return WRONG_WAY;
  if (edge.classification === 'shared-infra' || edge.classification === 'noise') return FAINT;
  return edge.crossWave ? CROSS_WAVE : undefined;
}
