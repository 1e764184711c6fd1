import { printable } from '../../text/printable.js';
import { renderTable, type Cell } from './table-layout.js';
import { cellText } from '../shared/cell-text.js';
import type { RowsFormatter } from './types.js';

export const table: RowsFormatter = (data, context) => {
  if (data.rows.length === 0) return `${context.style.dim('(none)')}\n`;
  const fits = data.columns.map((column) => data.layout?.fits?.[column] ?? 'fixed');
  // A list column keeps its items apart, so that a narrow terminal cuts between them.
  const cell = (value: unknown, listed: boolean): Cell => (listed && Array.isArray(value) ? value.map((item) => printable(cellText(item))) : printable(cellText(value)));
  const rows = data.rows.map((row) => data.columns.map((column, i) => cell(row[column], fits[i] === 'list')));
  const leaveOut = (data.layout?.leaveOut ?? []).map((column) => data.columns.indexOf(column)).filter((i) => i >= 0);
  return renderTable(data.columns, rows, { style: context.style, columns: context.columns, fits, leaveOut, keep: Math.max(0, data.columns.indexOf(data.layout?.keep ?? data.idColumn)) });
};
