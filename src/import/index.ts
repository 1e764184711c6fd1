import type { CollectionName } from '../../schemas/collections.js';
import { importAzureMigrateDependencies } from './azure-migrate-dependencies.js';
import { importAzureMigrateServers } from './azure-migrate-servers.js';
import { importGenericCsv } from './generic-csv.js';
import { importRvtools } from './rvtools.js';
import type { ImportContext, ImportResult } from './types.js';

export type ImportFormat = 'azure-migrate-servers' | 'azure-migrate-dependencies' | 'rvtools' | 'csv';

export function runImporter(format: ImportFormat, text: string, file: string, context: ImportContext, collection: CollectionName): ImportResult {
  switch (format) {
    case 'azure-migrate-servers':
      return importAzureMigrateServers(text, file);
    case 'azure-migrate-dependencies':
      return importAzureMigrateDependencies(text, file, context);
    case 'rvtools':
      return importRvtools(text, file);
    case 'csv':
      return importGenericCsv(text, file, collection);
  }
}

export { mergeImported } from './merge.js';
export type { ImportResult } from './types.js';
