// `backlog export [collection] --format csv`: a flat sheet for people who live in spreadsheets,
// with MEG-style column names and lists joined with `;`; `backlog import csv` reads it back.
import type { CollectionName } from '../../../schemas/collections.js';
import { csv } from '../../format/rows/csv.js';
import { createStyle } from '../colour.js';
import { sheetColumns } from '../../import/sheet-columns.js';
import type { Entity } from '../../model/entity.js';
import { matchingEntities } from '../../query/list.js';
import type { CliIO } from '../io.js';
import { openForQuery } from '../open-backlog.js';
import { parseCollection } from './list.js';

export async function runExport(collectionName: string | undefined, options: { root?: string }, io: CliIO): Promise<number> {
  const collection: CollectionName = parseCollection(collectionName ?? 'workloads');
  const { context } = await openForQuery(io, options.root);
  const columns = sheetColumns(collection);
  // Sorted: the header must not change when an entity moves to another file.
  const extensions = [...new Set((context.backlog.entities[collection] as Entity[]).flatMap((e) => Object.keys(e.extensions ?? {})))].sort();
  // The order of `backlog list`: priorities by rank, waves by order, the rest by id.
  const rows = matchingEntities(context, collection, []).map((entity) => {
    const data = entity.data as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      // The id as written: a dependency without one is identified by its edge, not by a column.
      row[column.label] = column.path.length === 1 ? data[column.path[0]!] : (data[column.path[0]!] as Record<string, unknown> | undefined)?.[column.path[1]!];
    }
    for (const key of extensions) row[key] = entity.extensions?.[key];
    return row;
  });
  io.stdout(csv({ columns: [...columns.map((c) => c.label), ...extensions], rows, idColumn: columns[0]!.label }, { style: createStyle(false), columns: undefined }));
  return 0;
}
