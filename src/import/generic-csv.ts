// `import csv`: a sheet with a header row of field names (or the column names `backlog export`
// writes), for any collection; lists separated by `;` as export writes them.
import type * as z from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import { typed } from '../edit/set-fields.js';
import { UsageError } from '../errors.js';
import { isExtensionField } from '../load/check/extensions.js';
import { schemaAt } from '../load/check/schema-walk.js';
import { headerKey, readCsv } from './csv-table.js';
import { sheetColumns } from './sheet-columns.js';
import { skip, type ImportResult } from './types.js';

export function importGenericCsv(text: string, file: string, collection: CollectionName): ImportResult {
  const table = readCsv(text, file, { trim: false });
  const schema = COLLECTIONS[collection].schema as z.ZodType;
  const byKey = new Map<string, string[]>();
  for (const column of sheetColumns(collection)) {
    byKey.set(headerKey(column.label), column.path);
    byKey.set(headerKey(column.path.join('.')), column.path);
  }
  const columns = table.header.map((name) => (isExtensionField(name) ? [name] : byKey.get(headerKey(name))));
  const unknown = table.header.filter((_, i) => columns[i] === undefined);
  if (unknown.length > 0) {
    throw new UsageError(`${file}: ${unknown.map((name) => `\`${name}\``).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${collection}`, `the columns of ${collection} are: ${sheetColumns(collection).map((c) => c.label).join(', ')} (or their field names); custom columns start with x-`);
  }
  const idColumn = columns.findIndex((path) => path?.length === 1 && path[0] === 'id');
  if (idColumn === -1 && collection !== 'dependencies') throw new UsageError(`${file} has no id column (\`${sheetColumns(collection)[0]!.label}\` or \`id\`)`);
  const result: ImportResult = { collection, entities: [], rowsRead: table.rows.length, skipped: new Map() };
  for (const row of table.rows) {
    const id = idColumn === -1 ? undefined : row.cells[idColumn]?.trim() || undefined;
    // A dependency may have no id: its edge identifies it.
    if (!id && collection !== 'dependencies') {
      skip(result, 'no id');
      continue;
    }
    const fields: Record<string, unknown> = {};
    columns.forEach((path, i) => {
      const cell = row.cells[i];
      if (!path || cell === undefined || cell === '' || (path.length === 1 && path[0] === 'id')) return;
      // A custom column is text: merge.ts gives it back the type the field has in the backlog.
      const value = isExtensionField(path[0]!) ? cell : typed(cell, schemaAt(schema, path), ';');
      if (path.length === 1) fields[path[0]!] = value;
      else fields[path[0]!] = { ...(fields[path[0]!] as Record<string, unknown> | undefined), [path[1]!]: value };
    });
    result.entities.push({ ...(id ? { id } : {}), fields });
  }
  return result;
}
