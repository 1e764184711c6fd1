// An Excel workbook (.xlsx) as sheets, read with excelts (docs/architecture.md says why that
// library). Each visible sheet's header is its first row with anything in it (templates put
// titles above it). Cells keep their type: numbers, booleans, text; a date is read as
// YYYY-MM-DD (with the time when it has one); a formula as the value it last computed.
import type { Cell as ExcelCell, CellValue, Workbook } from '@cj-tech-master/excelts';
import { errorMessage, UsageError } from '../errors.js';
import type { Cell, CellProblem, Sheet, SheetRow } from './sheet.js';

export async function readWorkbook(bytes: Uint8Array, file: string): Promise<Sheet[]> {
  const { Workbook: WorkbookClass } = await import('@cj-tech-master/excelts');
  const workbook: Workbook = new WorkbookClass();
  try {
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw new UsageError(`${file} is not an Excel workbook this import can read: ${errorMessage(error)}`, 'save it from the spreadsheet as .xlsx (Excel workbook), or as CSV');
  }
  return workbook.worksheets.filter((worksheet) => worksheet.state === undefined || worksheet.state === 'visible').map((worksheet) => {
    const unreadable: CellProblem[] = [];
    let header: string[] | undefined;
    const rows: SheetRow[] = [];
    worksheet.eachRow((row, number) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell: ExcelCell, column: number) => {
        const value = cellValue(cell.value);
        if (value === undefined) unreadable.push({ row: number, column: column - 1, message: 'a formula with no saved value: open the workbook in a spreadsheet program and save it, so that its values are computed' });
        cells[column - 1] = value ?? '';
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (!cells.some((cell) => cell !== '')) return;
      if (header === undefined) header = cells.map((cell) => String(cell).trim());
      else rows.push({ number, cells });
    });
    const read = new Set(rows.map((row) => row.number));
    return { file, name: worksheet.name, header: header ?? [], rows, typed: true, unreadable: unreadable.filter((problem) => read.has(problem.row)) };
  });
}

/** What a cell holds, as a sheet cell; undefined for a formula whose value was never saved. */
function cellValue(value: CellValue): Cell | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('checkbox' in value) return value.checkbox;
  if ('error' in value) return '';
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return undefined;
    return cellValue(result as CellValue);
  }
  return '';
}

/** A workbook's date (its day and time, kept as UTC by the reader) as ISO text. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
