// Small .xlsx workbooks built in the tests, sheet by sheet from rows of cell values (text,
// numbers, booleans, dates, `{ formula, result }`), as a spreadsheet program would save them.
import { Workbook, type CellValue } from '@cj-tech-master/excelts';

export async function workbookBytes(sheets: Record<string, CellValue[][]>): Promise<Buffer> {
  const workbook = new Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook's sheets as rows of cell values, as excelts reads them. */
export async function workbookRows(bytes: Uint8Array): Promise<{ workbook: Workbook; sheets: Record<string, unknown[][]> }> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  }
  return { workbook, sheets };
}
