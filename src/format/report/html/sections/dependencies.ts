// The dependency pictures: one per wave, or per move group of a wave too large to draw whole,
// each with its dependencies also written out as a list.
import type { DependencyPicture, DependencyPictures } from '../../../../query/dashboard/dependency-pictures.js';
import { MOST_NODES } from '../../../../query/dashboard/dependency-pictures.js';
import { plural } from '../../../../text/list.js';
import { escapeHtml } from '../escape.js';
import { NONE, plainNumber, sectionStart } from '../parts.js';
import { dependencyPictureSvg } from '../svg/dependency-picture.js';

export function dependenciesSection({ pictures, tooLarge, notDrawn }: DependencyPictures): string {
  const figures = pictures.map((picture, index) => {
    return (
      `<figure class="picture"><figcaption><h3>${escapeHtml(picture.title)}</h3></figcaption>` +
      `<div class="picture-frame">${dependencyPictureSvg(picture, index)}</div>` +
      `<details><summary>The dependencies as a list</summary>${edgeList(picture)}</details></figure>`
    );
  });
  const notes = [
    ...tooLarge.map((wave) => `<li>${escapeHtml(wave.title)} has ${plainNumber(wave.workloads)} workloads, more than a picture draws (${MOST_NODES}): its move groups are drawn instead.</li>`),
    ...(notDrawn > 0 ? [`<li>${plural(notDrawn, 'more picture')} not drawn: see a workload's neighbourhood with <code>backlog graph --focus ID</code>.</li>`] : []),
  ];
  return (
    sectionStart('dependencies', 'Dependencies') +
    '<p>Each picture shows the workloads of one wave (or of one move group: workloads that depend on each other and move together), an arrow from each to what it depends on. What they depend on elsewhere is one box per other wave, and systems outside the estate are one box.</p>' +
    '<p class="legend"><span class="key app">application dependency</span> <span class="key external">external system</span> <span class="key wrong-way">wrong way: moves before what it depends on</span> <span class="key collapsed">several workloads or systems</span></p>' +
    (notes.length > 0 ? `<ul class="notes">${notes.join('')}</ul>` : '') +
    (figures.length > 0 ? figures.join('') : NONE) +
    '</section>'
  );
}

function edgeList(picture: DependencyPicture): string {
  if (picture.edges.length === 0) return '<p class="none-found">No dependencies.</p>';
  const name = new Map(picture.nodes.map((node) => [node.key, node.kind === 'workload' ? node.detail : `${node.label} (${node.detail})`]));
  const items = picture.edges.map((edge) => {
    const notes = [edge.classification, edge.count > 1 ? `${edge.count} edges` : '', edge.wrongWay ? 'wrong way' : ''].filter(Boolean).join(', ');
    return `<li>${escapeHtml(name.get(edge.from)!)} → ${escapeHtml(name.get(edge.to)!)} <span class="sub-inline">(${escapeHtml(notes)})</span></li>`;
  });
  return `<ul class="plain">${items.join('')}</ul>`;
}
