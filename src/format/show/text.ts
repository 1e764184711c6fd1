// `backlog show` as text: the fields, then one section per kind of related thing.
import type { ChalkInstance } from 'chalk';
import type { EntityDetail } from '../../query/show.js';
import { printableDeep } from '../../text/printable.js';
import { cellText } from '../shared/cell-text.js';

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

export function showText(shown: EntityDetail, style: ChalkInstance): string {
  const detail = printableDeep(shown) as EntityDetail;
  const name = typeof detail.fields.name === 'string' ? detail.fields.name : typeof detail.fields.title === 'string' ? detail.fields.title : undefined;
  const out = [`${style.bold(`${detail.kind} ${detail.id}`)}${name ? ` — ${name}` : ''}`, style.dim(`defined in ${detail.defined_in}`), ''];
  out.push(...aligned(flatten(detail.fields).filter(([key]) => key !== 'id' && key !== 'name' && key !== 'title'), '  '));
  for (const [key, value] of Object.entries(detail.sections)) {
    const lines = sectionLines(key, value);
    if (lines.length === 0) continue;
    out.push('', style.bold(TITLES[key] ?? key), ...lines);
  }
  return `${out.join('\n')}\n`;
}

function sectionLines(key: string, value: unknown): string[] {
  if (Array.isArray(value)) return columns(value.map((item) => itemParts(key, item as Item)));
  if (value && typeof value === 'object') {
    const item = value as Item;
    if (key === 'move_group') return [`  ${String(item.id)}: ${cellText(item.members)} (they move together)`];
    return aligned(Object.entries(item).map(([k, v]) => [k, cellText(v)]), '  ');
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
      return Object.values(item).map(text);
  }
}

/** Cells padded into columns; empty cells take no room. */
function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).filter((cell, i) => widths[i]! > 0 || cell).join('  ').trimEnd()}`);
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
function aligned(pairs: Array<[string, string]>, indent: string): string[] {
  const width = Math.max(0, ...pairs.map(([key]) => key.length));
  const under = ' '.repeat(indent.length + width + 2);
  return pairs.map(([key, value]) => `${indent}${key.padEnd(width)}  ${value.replace(/\n/g, `\n${under}`)}`.trimEnd());
}
