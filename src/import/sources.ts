// The sources `backlog import` reads, each with the sheet names its workbooks use and the
// columns that tell its sheet, so that a workbook's sheet is found without being named.
import type * as z from 'zod';
import type { ImportSource } from '../../schemas/vocabulary.js';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import { UsageError } from '../errors.js';
import { isExtensionField } from '../load/check/extensions.js';
import { schemaAt } from '../load/check/schema-walk.js';
import { importAwsCmf } from './aws-cmf.js';
import { importAzureMigrateDependencies } from './azure-migrate-dependencies.js';
import { importAzureMigrateServers } from './azure-migrate-servers.js';
import { findColumn, headerKey } from './csv-table.js';
import { collectionNamed, importGenericSheet } from './generic-csv.js';
import { importMeg, isMegSheet } from './meg.js';
import { importRvtools } from './rvtools.js';
import type { Sheet } from './sheet.js';
import type { ImportContext, SheetImport } from './types.js';

export interface Source {
  /** The sheets of its workbooks, in the order tried. */
  sheetNames: readonly string[];
  /** Columns without which a sheet is not of this source (each with the names it may have). */
  required: ReadonlyArray<readonly string[]>;
  /** Reads every sheet of a workbook that is its own (a whole backlog); else the first found. */
  wholeWorkbook?: (sheet: Sheet) => boolean;
  /** The collection a column mapped to a field goes to, for a source that reads only its own columns. */
  fieldsOf?: CollectionName;
  read(sheet: Sheet, context: ImportContext): SheetImport;
}

export const SOURCES: Record<ImportSource, Source> = {
  'azure-migrate-servers': {
    sheetNames: ['Discovery_Report', 'All_Assessed_Machines', 'VM_Opportunity_As-is', 'VM_Opportunity_Perf', 'AVS_IaaS_Rehost_Perf'],
    required: [['Server name', 'Machine name', 'Name'], ['Cores', 'Number of cores', 'CPU cores'], ['Memory (In MB)', 'Memory (MB)', 'Memory in MB']],
    fieldsOf: 'servers',
    read: importAzureMigrateServers,
  },
  'azure-migrate-dependencies': {
    sheetNames: ['Dependencies', 'Sheet1'],
    required: [['Source server name'], ['Destination IP'], ['Destination port']],
    fieldsOf: 'dependencies',
    read: importAzureMigrateDependencies,
  },
  rvtools: { sheetNames: ['vInfo', 'tabvInfo'], required: [['VM'], ['CPUs'], ['Memory']], fieldsOf: 'servers', read: (sheet) => importRvtools(sheet) },
  'aws-cmf': { sheetNames: ['intake-form', 'Sheet1'], required: [['server_name'], ['app_name']], fieldsOf: 'servers', read: importAwsCmf },
  meg: { sheetNames: [], required: [], wholeWorkbook: isMegSheet, read: importMeg },
  csv: { sheetNames: [], required: [], wholeWorkbook: (sheet) => collectionNamed(sheet.name ?? '') !== undefined, read: importGenericSheet },
};

/** Whether a --map target is a field of the collection (else it renames a column of the source). */
export function isFieldOf(collection: CollectionName): (target: string) => boolean {
  const schema = COLLECTIONS[collection].schema as z.ZodType;
  return (target) => isExtensionField(target) || schemaAt(schema, target.split('.')) !== undefined;
}

/**
 * The sheets of a workbook to read: the one named by --sheet; every sheet of a whole-backlog
 * source that is its own; else the first of the source's sheet names that has rows, or the
 * first sheet with the columns the source needs.
 */
export function pickSheets(sheets: readonly Sheet[], source: Source, file: string, sheetOption: string | undefined): Sheet[] {
  const names = sheets.map((sheet) => sheet.name!);
  const notFound = (what: string) => new UsageError(`${file}: ${what}; its sheets are: ${names.join(', ') || '(none)'}`, 'name the sheet to read with --sheet NAME');
  if (sheetOption !== undefined) {
    const named = sheets.find((sheet) => headerKey(sheet.name!) === headerKey(sheetOption));
    if (!named) throw notFound(`no sheet named \`${sheetOption}\``);
    return [named];
  }
  if (source.wholeWorkbook) {
    const own = sheets.filter(source.wholeWorkbook);
    if (own.length > 0) return own;
    if (sheets.length === 1) return [...sheets];
    throw notFound('no sheet this import reads');
  }
  const byName = source.sheetNames.flatMap((name) => sheets.filter((sheet) => headerKey(sheet.name!) === headerKey(name)));
  const named = byName.find((sheet) => sheet.rows.length > 0) ?? byName[0];
  if (named) return [named];
  const fitting = sheets.find((sheet) => source.required.every((column) => findColumn(sheet, column) !== undefined));
  if (fitting) return [fitting];
  throw notFound(`no sheet has the columns this import needs (${source.required.map((column) => `\`${column[0]}\``).join(', ')})`);
}
