import { cell } from '../markdown.js';
import { cellText, type RowsFormatter } from './types.js';

export const markdownTable: RowsFormatter = (data) => {
  const lines = [`| ${data.columns.map(cell).join(' | ')} |`, `| ${data.columns.map(() => '---').join(' | ')} |`];
  for (const row of data.rows) lines.push(`| ${data.columns.map((column) => cell(cellText(row[column]))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
};
