// A sheet of `export` as CSV that is safe to open in a spreadsheet: RFC 4180, lists joined with
// `;` (as `import csv` reads them), text that a spreadsheet would run as a formula written after
// a `'` (text/formula-guard.ts), and a UTF-8 byte-order mark so that Excel reads it as UTF-8.
import type { ExportSheet } from '../../query/export-sheets.js';
import { guardFormula } from '../../text/formula-guard.js';
import { joinSheetList } from '../../text/sheet-list.js';
import { field } from '../rows/csv.js';
import { cellText } from '../shared/cell-text.js';

export function sheetCsv(sheet: ExportSheet, { byteOrderMark }: { byteOrderMark: boolean }): string {
  const lines = [sheet.columns.map((column) => field(guardFormula(column.label))).join(',')];
  for (const row of sheet.rows) lines.push(row.map((value) => field(csvCell(value))).join(','));
  return `${byteOrderMark ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function csvCell(value: unknown): string {
  if (Array.isArray(value)) return guardFormula(joinSheetList(value.map((item) => cellText(item))));
  return typeof value === 'string' ? guardFormula(value) : cellText(value);
}
