// An export's bytes as sheets: a workbook (.xlsx, a zip) has its sheets, a CSV file is one
// sheet (UTF-8, or UTF-16 as spreadsheets save "Unicode text").
import { UsageError } from '../errors.js';
import { readCsv } from './csv-table.js';
import { readWorkbook } from './read-workbook.js';
import type { Sheet } from './sheet.js';

/** The file is a workbook: its sheets, all of them; a CSV file: one sheet. */
export interface ReadInput {
  file: string;
  workbook: boolean;
  sheets: Sheet[];
}

/** `trim: false`: cells as written (sheets `export` wrote); real exports pad them. */
export async function readInput(bytes: Uint8Array, file: string, { trim = true } = {}): Promise<ReadInput> {
  if (isZip(bytes) || /\.xlsx$/i.test(file)) return { file, workbook: true, sheets: await readWorkbook(bytes, file) };
  if (/\.xls$/i.test(file) || isOldExcel(bytes)) throw new UsageError(`${file} is an Excel 97-2003 workbook (.xls), which this import cannot read`, 'save it as .xlsx (Excel workbook) or as CSV');
  return { file, workbook: false, sheets: [readCsv(decode(bytes, file), file, { trim })] };
}

function decode(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer.includes(0)) throw new UsageError(`${file} is neither a CSV file nor an Excel workbook (.xlsx)`);
  return buffer.toString('utf8');
}

/** A zip file's local header: an .xlsx whatever its name. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The compound-file signature of Excel 97-2003 workbooks. */
function isOldExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
