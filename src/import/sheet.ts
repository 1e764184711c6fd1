// A sheet as the importers read it: a header row and rows of cells, from a CSV file or from a
// workbook's sheet, each row with its number there, so that a message can point at the source.

/** Text from a CSV file; from a workbook, what the cell holds (a date is read as YYYY-MM-DD text). */
export type Cell = string | number | boolean;

export interface Sheet {
  /** The file as given on the command line. */
  file: string;
  /** The workbook's sheet; absent for a CSV file. */
  name?: string;
  header: string[];
  rows: SheetRow[];
  /** Cells typed by the spreadsheet (a workbook): text there is text, not a number written as text. */
  typed: boolean;
  /** Cells that could not be read (a formula with no saved value), read as empty. */
  unreadable?: CellProblem[];
}

export interface CellProblem {
  row: number;
  column: number;
  message: string;
}

export interface SheetRow {
  /** 1-based: the line of a CSV file, the row of a workbook's sheet. */
  number: number;
  cells: Cell[];
}

/** `servers.csv:12, column "Cores"`, `book.xlsx, sheet vInfo, row 12, column "CPUs"`. */
export function placeOf(sheet: Sheet, row?: number, column?: number): string {
  let where = sheet.file;
  if (sheet.name !== undefined) where += `, sheet ${sheet.name}${row === undefined ? '' : `, row ${row}`}`;
  else if (row !== undefined) where += `:${row}`;
  return column === undefined ? where : `${where}, column "${sheet.header[column]}"`;
}

/** A cell as text: what importers that read text (names, addresses) take. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
