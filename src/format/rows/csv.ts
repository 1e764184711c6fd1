import { cellText, type RowsFormatter } from './types.js';

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break in double quotes. */
export const csv: RowsFormatter = (data) => {
  const lines = [data.columns.map(field).join(',')];
  for (const row of data.rows) lines.push(data.columns.map((column) => field(cellText(row[column], ';'))).join(','));
  return `${lines.join('\r\n')}\r\n`;
};

export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
