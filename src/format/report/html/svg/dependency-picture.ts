// A dependency picture as inline SVG: workloads as boxes with their name, id and status (as
// text, not only as colour), an arrow from each workload to what it depends on. Styled by the
// page's stylesheet through classes: the page allows no style attribute.
import type { DependencyPicture, PictureEdge, PictureNode } from '../../../../query/dashboard/dependency-pictures.js';
import { escapeHtml } from '../escape.js';
import { layOut, type Point } from './layout.js';

const LINE = 16;
const PADDING = 8;
/** About the width of a character of a box's bold 12px name, and of its 11px detail. */
const NAME_CHAR = 7.6;
const DETAIL_CHAR = 6.4;
const MOST_CHARS = 30;
/** The most members a collapsed node names in its tooltip. */
const MOST_NAMED = 20;

/** `index` makes the ids inside the picture unique in the page. */
export function dependencyPictureSvg(picture: DependencyPicture, index: number): string {
  const boxes = picture.nodes.map((node) => {
    const lines = [shorten(node.label), shorten(detailOf(node))];
    const width = Math.ceil(Math.max(lines[0]!.length * NAME_CHAR, lines[1]!.length * DETAIL_CHAR)) + 2 * PADDING;
    return { node, lines, width, height: lines.length * LINE + PADDING };
  });
  const laid = layOut(boxes.map((box) => ({ key: box.node.key, width: box.width, height: box.height })), picture.edges);
  const titleId = `picture-${index}-title`;
  const marker = `arrow-${index}`;
  const summary = `${picture.title}: ${picture.nodes.filter((n) => n.kind === 'workload').length} workloads, ${picture.edges.length} dependencies`;
  const edges = picture.edges.map((edge, at) => edgeSvg(edge, laid.routes[at]!, marker)).join('');
  const nodes = boxes
    .map(({ node, lines, width, height }) => {
      const { x, y } = laid.nodes.get(node.key)!;
      const left = x - width / 2;
      const top = y - height / 2;
      const texts = lines.map((line, at) => `<text x="${left + PADDING}" y="${top + PADDING / 2 + LINE * (at + 1) - 4}"${at > 0 ? ' class="detail"' : ''}>${escapeHtml(line)}</text>`).join('');
      return `<g class="node ${node.kind}${node.status ? ` status-${escapeHtml(node.status)}` : ''}"><title>${escapeHtml(fullTitle(node))}</title><rect x="${left}" y="${top}" width="${width}" height="${height}" rx="4"/>${texts}</g>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="dependency-picture" viewBox="0 0 ${laid.width} ${laid.height}" width="${laid.width}" height="${laid.height}" role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeHtml(summary)}</title>` +
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"/></marker></defs>` +
    `${edges}${nodes}</svg>`
  );
}

function edgeSvg(edge: PictureEdge, route: Point[], marker: string): string {
  const classes = ['edge', edge.classification, ...(edge.wrongWay ? ['wrong-way'] : [])].join(' ');
  const label = [edge.count > 1 ? `×${edge.count}` : '', edge.wrongWay ? 'wrong way' : ''].filter(Boolean).join(' ');
  const middle = route[Math.floor(route.length / 2)];
  const text = label && middle ? `<text x="${middle.x + 4}" y="${middle.y - 4}">${label}</text>` : '';
  return `<g class="${classes}"><path d="${pathThrough(route)}" marker-end="url(#${marker})"/>${text}</g>`;
}

/** A smooth line through the route: straight at its ends, curving through the points between. */
function pathThrough(points: Point[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first!.x},${first!.y}`;
  for (let at = 0; at < rest.length - 1; at++) {
    const point = rest[at]!;
    const next = rest[at + 1]!;
    d += `Q${point.x},${point.y} ${(point.x + next.x) / 2},${(point.y + next.y) / 2}`;
  }
  const last = rest.at(-1);
  return last ? `${d}L${last.x},${last.y}` : d;
}

function detailOf(node: PictureNode): string {
  if (node.kind !== 'workload') return node.detail;
  return [node.detail, node.status, node.moveGroup].filter(Boolean).join(' · ');
}

function fullTitle(node: PictureNode): string {
  if (node.kind === 'workload') return `${node.label} (${detailOf(node)})`;
  const named = node.members.slice(0, MOST_NAMED);
  return `${node.label}: ${named.join(', ')}${node.members.length > named.length ? ` and ${node.members.length - named.length} more` : ''}`;
}

function shorten(text: string): string {
  return text.length <= MOST_CHARS ? text : `${text.slice(0, MOST_CHARS - 1)}…`;
}
