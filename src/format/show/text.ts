// `backlog show` as text: the fields, then one section per kind of related thing.
import type { ChalkInstance } from 'chalk';
import type { EntityDetail } from '../../query/show.js';
import { plural } from '../../text/list.js';
import { printableDeep } from '../../text/printable.js';
import { cellText } from '../shared/cell-text.js';
import { hanging, wrapText } from '../shared/wrap.js';

type Item = Record<string, unknown>;

const TITLES: Record<string, string> = {
  servers: 'Servers',
  totals: 'Totals',
  depends_on: 'Depends on',
  dependents: 'Dependents',
  external: 'Outside the estate',
  move_group: 'Move group',
  drivers: 'Business priorities (drivers)',
  assumptions: 'Assumptions',
  open_remediations: 'Open remediations',
  risks: 'Risks',
  workloads: 'Workloads',
  referenced_by: 'Referred to by',
};

/** `columns`: the terminal's width, which long values keep within; undefined off a terminal. */
export function showText(shown: EntityDetail, style: ChalkInstance, columns?: number): string {
  const detail = printableDeep(shown) as EntityDetail;
  const name = typeof detail.fields.name === 'string' ? detail.fields.name : typeof detail.fields.title === 'string' ? detail.fields.title : undefined;
  const out = [`${style.bold(`${detail.kind} ${detail.id}`)}${name ? ` — ${name}` : ''}`, style.dim(`defined in ${detail.defined_in}`), ''];
  out.push(...aligned(flatten(detail.fields).filter(([key]) => key !== 'id' && key !== 'name' && key !== 'title'), '  ', columns));
  for (const [key, value] of Object.entries(detail.sections)) {
    const lines = sectionLines(key, value, columns);
    if (lines.length === 0) continue;
    out.push('', style.bold(TITLES[key] ?? key), ...lines);
  }
  return `${out.join('\n')}\n`;
}

function sectionLines(key: string, value: unknown, width: number | undefined): string[] {
  if (Array.isArray(value)) return columns(value.map((item) => itemParts(key, item as Item)), width);
  if (value && typeof value === 'object') {
    const item = value as Item;
    if (key === 'move_group') return wrapText(`  ${String(item.id)}: `, `${cellText(item.members)} (they move together)`, width, '    ');
    return aligned(Object.entries(item).map(([k, v]) => [k, cellText(v)]), '  ', width);
  }
  return [`  ${cellText(value)}`];
}

/** One related thing as cells: its id first, then what matters about it. */
function itemParts(section: string, item: Item): string[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : cellText(v));
  switch (section) {
    case 'servers':
      return [text(item.id), text(item.os), item.cores === null ? '' : `${text(item.cores)} cores`, item.memory_gb === null ? '' : `${text(item.memory_gb)} GB`, text(item.status)];
    case 'depends_on':
    case 'dependents':
      if ('other' in item) return [text(item.other), [item.port, item.protocol].filter((v) => v !== null).join('/'), text(item.classification), text(item.kind)];
      return [text(item.id), text(item.wave) || '(no wave)', text(item.status), item.classification === 'app' ? '' : text(item.classification), `via ${text(item.via)}`];
    case 'external':
      return [text(item.name), `via ${text(item.via)}`];
    case 'drivers':
      return [text(item.id), item.rank === null ? '' : `rank ${text(item.rank)}`, `${text(item.title)}${item.rationale ? `: ${text(item.rationale)}` : ''}`];
    case 'assumptions':
      return [text(item.id), text(item.status), item.review_by ? `review by ${text(item.review_by)}` : '', text(item.statement)];
    case 'referenced_by':
      return [text(item.entity), `(${text(item.field)})`];
    default:
      // A bare number under no heading says nothing: `3 servers`.
      return Object.entries(item).map(([key, value]) => (key === 'servers' && typeof value === 'number' ? plural(value, 'server') : text(value)));
  }
}

/** Cells padded into columns; empty cells take no room. A row's further lines start under its second column. */
function columns(rows: string[][], width: number | undefined): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.flatMap((row) => {
    const [first = '', ...rest] = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).filter((cell, i) => widths[i]! > 0 || cell);
    return hanging(`  ${first}  `, rest.join('  '), width).split('\n').map((line) => line.trimEnd());
  });
}

/** Fields as key/value lines; a nested mapping as `target.region`. */
function flatten(fields: Item, prefix = ''): Array<[string, string]> {
  return Object.entries(fields).flatMap(([key, value]): Array<[string, string]> => {
    if (value && typeof value === 'object' && !Array.isArray(value)) return flatten(value as Item, `${prefix}${key}.`);
    if (Array.isArray(value) && value.some((item) => item && typeof item === 'object')) {
      return value.map((item, i) => [`${prefix}${key}[${i}]`, cellText(item)]);
    }
    return [[`${prefix}${key}`, cellText(value)]];
  });
}

/** Key and value columns; a value's further lines start under its first. */
function aligned(pairs: Array<[string, string]>, indent: string, columns?: number): string[] {
  const width = Math.max(0, ...pairs.map(([key]) => key.length));
  const under = ' '.repeat(indent.length + width + 2);
  return pairs.flatMap(([key, value]) => value.split('\n').flatMap((line, i) => wrapText(i === 0 ? `${indent}${key.padEnd(width)}  ` : under, line, columns, under)).map((line) => line.trimEnd()));
}
