// The dependency graph in Graphviz DOT: a cluster per wave (or per workload at server level).
// Edges say what they are by colour and line, with a label only where it says what a line
// cannot: edge labels make `dot`'s layout of a large graph many times slower.
// A large graph also bounds dot's searches for fewer crossings and better places, and draws
// edges straight: those searches and the curves take most of its time there.
import type { GraphEdge, GraphView } from '../../query/graph-view.js';
import { printable } from '../../text/printable.js';
import { edgeLabel } from './mermaid.js';

/** Edges from which the layout's searches are bounded. */
const LARGE = 500;

export function dot(view: GraphView): string {
  const lines = ['digraph backlog {', '  rankdir=LR;', ...(view.edges.length > LARGE ? ['  splines=line;', '  nslimit=1;', '  mclimit=0.1;'] : []), '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  view.clusters.forEach((cluster, c) => {
    const members = view.nodes.filter((node) => node.cluster === cluster.key);
    if (members.length === 0) return;
    lines.push(`  subgraph cluster_${c} {`, `    label=${quote(cluster.label)};`);
    for (const node of members) lines.push(`    ${nodeLine(node)}`);
    lines.push('  }');
  });
  for (const node of view.nodes.filter((n) => n.cluster === null)) lines.push(`  ${nodeLine(node)}`);
  const sizes = new Map(view.nodes.map((node) => [node.key, node.size]));
  for (const edge of view.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${edgeAttributes(edge, sizes)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeLine(node: GraphView['nodes'][number]): string {
  const label =
    node.kind === 'wave'
      ? `${node.label}\n${node.size} ${node.size === 1 ? 'workload' : 'workloads'}`
      : [node.kind === 'externals' ? '' : node.id, node.label !== node.id || node.kind === 'externals' ? node.label : '', node.moveGroup ? `move group ${node.moveGroup}` : ''].filter(Boolean).join('\n');
  const attributes = [`label=${quote(label)}`];
  if (node.kind === 'external' || node.kind === 'externals') attributes.push('style="rounded,dashed"');
  if (node.kind === 'wave') attributes.push('shape=folder');
  if (node.moveGroup) attributes.push('color="#d97706"', 'penwidth=2');
  return `${quote(node.key)} [${attributes.join(', ')}];`;
}

function edgeAttributes(edge: GraphEdge, sizes: ReadonlyMap<string, number>): string {
  const attributes: string[] = [];
  if (edge.classification === 'external') attributes.push('style=dashed');
  else if (edge.classification !== 'app') attributes.push('style=dotted', 'color="#9ca3af"');
  if (edge.wrongWay) attributes.push('color="#dc2626"', 'penwidth=2');
  else if (edge.crossWave && edge.classification === 'app') attributes.push('color="#2563eb"');
  const label = edgeLabel(edge, sizes);
  if (label !== undefined) attributes.push(`label=${quote(label)}`);
  return attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
}

/** A DOT quoted string. */
function quote(text: string): string {
  return `"${printable(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
