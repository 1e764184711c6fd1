// `export --format xlsx`: a workbook in the style of the Migration Execution Guide — a sheet per
// collection and one of the outcomes' metrics, the header row bold and frozen, enumerations
// offered as drop-down lists, numbers as numbers, dates as dates, lists as `;`-joined text.
// `import csv` reads it back whole. Written with excelts (docs/architecture.md).
import type { Worksheet } from '@cj-tech-master/excelts';
import type { ExportColumn, ExportSheet } from '../../query/export-sheets.js';
import { joinSheetList } from '../../text/sheet-list.js';
import { cellText } from '../shared/cell-text.js';

/** Excel's last row: a drop-down list covers the whole column below the header. */
const LAST_ROW = 1_048_576;

export async function xlsxWorkbook(sheets: readonly ExportSheet[]): Promise<Uint8Array> {
  const { Workbook } = await import('@cj-tech-master/excelts');
  const workbook = new Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRow(sheet.columns.map((column) => column.label));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((value, i) => cellValue(value, sheet.columns[i]!)));
    sheet.columns.forEach((column, i) => describeColumn(worksheet, i + 1, column, sheet.rows));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellValue(value: unknown, column: ExportColumn): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return joinSheetList(value.map((item) => cellText(item)));
  if (column.kind === 'date' && typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return cellText(value);
}

function describeColumn(worksheet: Worksheet, index: number, column: ExportColumn, rows: readonly unknown[][]): void {
  const excelColumn = worksheet.getColumn(index);
  const longest = Math.max(column.label.length, ...rows.slice(0, 200).map((row) => cellText(row[index - 1]).length));
  excelColumn.width = Math.min(60, Math.max(10, longest + 2));
  if (column.kind === 'date') excelColumn.numFmt = 'yyyy-mm-dd';
  if (column.kind === 'text' && column.values === undefined) excelColumn.numFmt = '@';
  if (column.values) {
    const letter = excelColumn.letter;
    worksheet.dataValidations.add(`${letter}2:${letter}${LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${column.values.join(',')}"`],
      showErrorMessage: true,
      errorTitle: column.label,
      error: `One of: ${column.values.join(', ')}`,
    });
  }
}
