// The dependency graph in Graphviz DOT: a cluster per wave (or per workload at server level).
import type { GraphEdge, GraphView } from '../query/graph-view.js';
import { printable } from '../text/printable.js';

export function dot(view: GraphView): string {
  const lines = ['digraph backlog {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  view.clusters.forEach((cluster, c) => {
    const members = view.nodes.filter((node) => node.cluster === cluster.key);
    if (members.length === 0) return;
    lines.push(`  subgraph cluster_${c} {`, `    label=${quote(cluster.label)};`);
    for (const node of members) lines.push(`    ${nodeLine(node)}`);
    lines.push('  }');
  });
  for (const node of view.nodes.filter((n) => n.cluster === null)) lines.push(`  ${nodeLine(node)}`);
  for (const edge of view.edges) lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${edgeAttributes(edge)};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeLine(node: GraphView['nodes'][number]): string {
  const label = [node.id, node.label !== node.id ? node.label : '', node.moveGroup ? `move group ${node.moveGroup}` : ''].filter(Boolean).join('\n');
  const attributes = [`label=${quote(label)}`];
  if (node.kind === 'external') attributes.push('style="rounded,dashed"');
  if (node.moveGroup) attributes.push('color="#d97706"', 'penwidth=2');
  return `${quote(node.key)} [${attributes.join(', ')}];`;
}

function edgeAttributes(edge: GraphEdge): string {
  const attributes: string[] = [];
  if (edge.classification !== 'app') attributes.push('style=dashed', `label=${quote(edge.classification)}`);
  else if (edge.wrongWay) attributes.push('color="#dc2626"', 'penwidth=2', 'label="wrong way"');
  else if (edge.crossWave) attributes.push('label="across waves"');
  return attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
}

/** A DOT quoted string. */
function quote(text: string): string {
  return `"${printable(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
