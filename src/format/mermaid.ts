// The dependency graph as a Mermaid flowchart (renders in GitHub markdown). Node ids are
// generated (n0, n1, ...) so that no backlog id can break the syntax; every label is quoted
// and escaped with Mermaid's entity codes.
import type { GraphEdge, GraphView } from '../query/graph-view.js';
import { printable } from '../text/printable.js';

export function mermaid(view: GraphView): string {
  const ids = new Map(view.nodes.map((node, i) => [node.key, `n${i}`]));
  const lines = ['flowchart LR'];
  view.clusters.forEach((cluster, c) => {
    const members = view.nodes.filter((node) => node.cluster === cluster.key);
    if (members.length === 0) return;
    lines.push(`  subgraph c${c}["${escape(cluster.label)}"]`);
    for (const node of members) lines.push(`    ${ids.get(node.key)}${shape(node.kind, nodeLabel(node))}`);
    lines.push('  end');
  });
  for (const node of view.nodes.filter((n) => n.cluster === null)) lines.push(`  ${ids.get(node.key)}${shape(node.kind, nodeLabel(node))}`);
  const styles: string[] = [];
  view.edges.forEach((edge, i) => {
    lines.push(`  ${ids.get(edge.from)} ${arrow(edge)} ${ids.get(edge.to)}`);
    if (edge.wrongWay) styles.push(`  linkStyle ${i} stroke:#dc2626,stroke-width:3px`);
  });
  const grouped = view.nodes.filter((node) => node.moveGroup !== null).map((node) => ids.get(node.key));
  if (grouped.length > 0) {
    lines.push('  classDef moveGroup stroke:#d97706,stroke-width:3px', `  class ${grouped.join(',')} moveGroup`);
  }
  const outside = view.nodes.filter((node) => node.kind === 'external').map((node) => ids.get(node.key));
  if (outside.length > 0) lines.push('  classDef external stroke-dasharray:4 3', `  class ${outside.join(',')} external`);
  lines.push(...styles);
  return `${lines.join('\n')}\n`;
}

function nodeLabel(node: GraphView['nodes'][number]): string {
  const title = node.label !== node.id ? `${escape(node.id)}<br/>${escape(node.label)}` : escape(node.id);
  return node.moveGroup ? `${title}<br/><i>${escape(node.moveGroup)}</i>` : title;
}

function shape(kind: GraphView['nodes'][number]['kind'], label: string): string {
  return kind === 'external' ? `(["${label}"])` : `["${label}"]`;
}

/** Solid: an app dependency in the right order; thick: across waves the wrong way; dotted: not app. */
function arrow(edge: GraphEdge): string {
  if (edge.classification !== 'app') return `-.->|${escape(edge.classification)}|`;
  if (edge.wrongWay) return '==>|wrong way|';
  return edge.crossWave ? '-->|across waves|' : '-->';
}

/**
 * Mermaid entity codes for what could end a quoted label or be read as markup or an entity,
 * and for `%`: Mermaid reads `%%{init: ...}%%` as a directive anywhere in the text, even in quotes.
 */
export function escape(text: string): string {
  return printable(text.replace(/[#"<>&`|%]/g, (ch) => `#${ch.charCodeAt(0)};`).replace(/\r?\n/g, '<br/>'));
}
