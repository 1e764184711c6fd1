// `backlog export [collection] --format csv|xlsx`: flat sheets for people who live in
// spreadsheets, with MEG-style column names; `backlog import csv` reads them back. CSV is one
// sheet to stdout (or --output), spreadsheet-safe; xlsx is a workbook of the whole backlog (or
// of one collection) written to --output.
import { COLLECTION_NAMES, type CollectionName } from '../../../schemas/vocabulary.js';
import { UsageError } from '../../errors.js';
import { sheetCsv } from '../../format/export/sheet-csv.js';
import { exportSheet } from '../../query/export-sheets.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';
import { writeOutput } from '../write-output.js';
import { parseCollection } from './list.js';

type ExportFormat = 'csv' | 'xlsx';

export interface ExportOptions {
  root?: string;
  format: ExportFormat;
  /** Whether --format was given, rather than its default. */
  formatGiven?: boolean;
  output?: string;
  bom?: boolean;
}

export async function runExport(collectionName: string | undefined, options: ExportOptions, io: CliIO): Promise<number> {
  const named = collectionName === undefined ? undefined : collectionName.toLowerCase() === 'metrics' ? 'metrics' : parseCollection(collectionName);
  const format = exportFormat(options);
  if (format === 'xlsx' && options.output === undefined) throw new UsageError('an xlsx workbook is a binary file: name it with --output FILE.xlsx');
  const { context } = await openForQuery(io, options.root);
  if (format === 'csv') {
    const text = sheetCsv(exportSheet(context, named ?? 'workloads'), { byteOrderMark: options.bom !== false });
    writeOutput(io, text, { file: options.output });
    return 0;
  }
  // The whole backlog unless a collection is named; an outcome's metrics go with the outcomes.
  const names: Array<CollectionName | 'metrics'> = named === undefined ? [...COLLECTION_NAMES, 'metrics'] : named === 'outcomes' ? ['outcomes', 'metrics'] : [named];
  const { xlsxWorkbook } = await import('../../format/export/xlsx-workbook.js');
  writeOutput(io, await xlsxWorkbook(names.map((name) => exportSheet(context, name))), { file: options.output! });
  io.stderr(`backlog: wrote ${options.output} (${names.length === 1 ? `sheet ${names[0]}` : `sheets ${names.join(', ')}`})\n`);
  return 0;
}

/**
 * The format: --format when given, else told by the output's name (`-o plan.xlsx` is a
 * workbook). A file named as the other format is refused: Excel will not open CSV in a `.xlsx`.
 */
function exportFormat({ format, formatGiven, output }: ExportOptions): ExportFormat {
  const named = output === undefined ? undefined : /\.xlsx$/i.test(output) ? 'xlsx' : /\.csv$/i.test(output) ? 'csv' : undefined;
  if (!formatGiven) return named ?? format;
  if (named !== undefined && named !== format) throw new UsageError(`--output ${output} is named as ${named}, but the format is ${format}`, `write --format ${named}, or name the file .${format}`);
  return format;
}
