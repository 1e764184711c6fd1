import { inertText } from '../shared/markdown-text.js';
import { cellText } from '../shared/cell-text.js';
import type { RowsFormatter } from './types.js';

export const markdownTable: RowsFormatter = (data) => {
  const cell = (text: string) => inertText(text, 'table');
  const lines = [`| ${data.columns.map(cell).join(' | ')} |`, `| ${data.columns.map(() => '---').join(' | ')} |`];
  for (const row of data.rows) lines.push(`| ${data.columns.map((column) => cell(cellText(row[column]))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
};
