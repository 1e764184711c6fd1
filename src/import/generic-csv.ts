// `import csv`: sheets with a header row of field names, or of the column names `backlog export`
// writes, for any collection (and the metrics of outcomes); lists separated by `;` as export
// writes them. What a sheet holds is told by `--collection`, else by its name (`servers.csv`,
// a workbook's sheet `servers`), else by its id column (`Machine ID`).
import { basename } from 'node:path';
import { isCollectionName } from '../../schemas/collections.js';
import { collectionOfHeader, importTable } from './table-import.js';
import type { Sheet } from './sheet.js';
import type { ImportContext, SheetImport, TableCollection } from './types.js';

export function importGenericSheet(sheet: Sheet, context: ImportContext): SheetImport {
  const collection = collectionOfSheet(sheet, context);
  return importTable(sheet, { collection, strict: true }, context);
}

/** The collection a sheet is named after (`servers`, `Servers.csv`, `metrics`), if any. */
export function collectionNamed(name: string): TableCollection | undefined {
  const bare = name.replace(/\.[^.]*$/, '').trim().toLowerCase();
  return bare === 'metrics' || isCollectionName(bare) ? (bare as TableCollection) : undefined;
}

/** A workbook's sheet by its name first (a workbook `export` wrote); a file by --collection first. */
function collectionOfSheet(sheet: Sheet, context: ImportContext): TableCollection {
  const named = sheet.name !== undefined ? collectionNamed(sheet.name) : undefined;
  return named ?? context.collection ?? (sheet.name === undefined ? collectionNamed(basename(sheet.file)) : undefined) ?? collectionOfHeader(sheet.header) ?? 'workloads';
}
