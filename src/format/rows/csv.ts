import { joinSheetList } from '../../text/sheet-list.js';
import { cellText } from '../shared/cell-text.js';
import type { RowsFormatter } from './types.js';

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break in double quotes. */
export const csv: RowsFormatter = (data) => {
  const lines = [data.columns.map(field).join(',')];
  for (const row of data.rows) lines.push(data.columns.map((column) => field(sheetCell(row[column]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
};

/** A list as `import csv` reads it back (text/sheet-list.ts); anything else as every format shows it. */
function sheetCell(value: unknown): string {
  return Array.isArray(value) ? joinSheetList(value.map((item) => cellText(item))) : cellText(value);
}

export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
