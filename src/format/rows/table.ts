import { printable } from '../../text/printable.js';
import { renderTable } from './table-layout.js';
import { cellText, type RowsFormatter } from './types.js';

export const table: RowsFormatter = (data, context) => {
  if (data.rows.length === 0) return `${context.style.dim('(none)')}\n`;
  const rows = data.rows.map((row) => data.columns.map((column) => printable(cellText(row[column]))));
  return renderTable(data.columns, rows, { style: context.style, columns: context.columns });
};
