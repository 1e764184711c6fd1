// `backlog import`: sheets in, entities by collection out. Each sheet is read by its source
// (with the column map applied first); what several files or a workbook's sheets give is put
// together by collection, an outcome's metrics into the outcome, so that references between
// them resolve in one merge.
import type { z } from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../schemas/collections.js';
import type { ImportSource } from '../../schemas/vocabulary.js';
import { applyColumnMap, type ColumnMap } from './column-map.js';
import { fieldValue } from './field-value.js';
import { metricColumns } from './sheet-columns.js';
import { placeOf, type Sheet } from './sheet.js';
import { isFieldOf, pickSheets, SOURCES } from './sources.js';
import { emptyResult, skip, type ImportContext, type ImportedEntity, type ImportProblem, type ImportResult, type SheetImport } from './types.js';
import type { ReadInput } from './read-input.js';

export interface ImportRun {
  /** Each sheet read, in order. */
  sheets: SheetImport[];
  /** By collection, every sheet's entities together. */
  results: ImportResult[];
  problems: ImportProblem[];
}

export function importInputs(source: ImportSource, inputs: readonly ReadInput[], context: ImportContext, options: { sheet?: string; columns: ColumnMap }): ImportRun {
  const definition = SOURCES[source];
  const isField = definition.fieldsOf ? isFieldOf(definition.fieldsOf) : undefined;
  const sheets: SheetImport[] = [];
  for (const input of inputs) {
    const picked = input.workbook ? pickSheets(input.sheets, definition, input.file, options.sheet) : input.sheets;
    for (const original of picked) {
      const { sheet, fieldColumns } = applyColumnMap(original, options.columns, isField);
      const read = definition.read(sheet, context);
      if (definition.fieldsOf && fieldColumns.length > 0) setMappedFields(read, definition.fieldsOf, original, fieldColumns, context);
      read.problems.unshift(...(sheet.unreadable ?? []).map((problem) => ({ place: placeOf(sheet, problem.row, problem.column), message: problem.message })));
      // A template's empty columns are not worth a word.
      const leftOut = read.leftOut.filter((name) => hasValues(sheet, sheet.header.indexOf(name)));
      sheets.push({ ...read, sheet: original, leftOut });
    }
  }
  const problems = sheets.flatMap((sheet) => sheet.problems);
  return { sheets, results: combine(sheets, context), problems };
}

function hasValues(sheet: Sheet, column: number): boolean {
  return column !== -1 && sheet.rows.some((row) => row.cells[column] !== undefined && row.cells[column] !== '');
}

/** Columns a --map sends to fields of a source that reads only its own: set on each row's entity. */
function setMappedFields(read: SheetImport, collection: CollectionName, sheet: Sheet, columns: ReadonlyArray<{ index: number; path: string[] }>, context: ImportContext): void {
  const schema = COLLECTIONS[collection].schema as z.ZodType;
  const rows = new Map(sheet.rows.map((row) => [row.number, row]));
  for (const result of read.results.filter((r) => r.collection === collection)) {
    for (const entity of result.entities) {
      const row = entity.origin && rows.get(entity.origin.row);
      if (!row) continue;
      for (const { index, path } of columns) {
        const cell = row.cells[index];
        if (cell === undefined || cell === '') continue;
        const typed = path[0]!.startsWith('x-') ? { value: cell } : fieldValue(cell, schema, path, context.values);
        if ('problem' in typed) {
          read.problems.push({ place: placeOf(sheet, row.number, index), message: typed.problem, ...(typed.hint ? { hint: typed.hint } : {}) });
          continue;
        }
        if (path.length === 1) entity.fields[path[0]!] = typed.value;
        else entity.fields[path[0]!] = { ...(entity.fields[path[0]!] as Record<string, unknown> | undefined), [path[1]!]: typed.value };
      }
    }
  }
}

/** Every sheet's results by collection; metrics rows into their outcome's `metrics`. */
function combine(sheets: readonly SheetImport[], context: ImportContext): ImportResult[] {
  const byCollection = new Map<CollectionName, ImportResult>();
  const metrics: ImportedEntity[] = [];
  for (const { results } of sheets) {
    for (const result of results) {
      const combined = byCollection.get(result.collection) ?? emptyResult(result.collection, 0);
      byCollection.set(result.collection, combined);
      combined.rowsRead += result.rowsRead;
      for (const [reason, count] of result.skipped) combined.skipped.set(reason, (combined.skipped.get(reason) ?? 0) + count);
      for (const entity of result.entities) (entity.metricOf ? metrics : combined.entities).push(entity);
    }
  }
  if (metrics.length > 0) {
    const outcomes = byCollection.get('outcomes') ?? emptyResult('outcomes', 0);
    byCollection.set('outcomes', outcomes);
    const byId = new Map(outcomes.entities.map((entity) => [entity.id!.toLowerCase(), entity]));
    const order = metricColumns().map((column) => column.path[0]!);
    for (const metric of metrics) {
      const key = metric.metricOf!.toLowerCase();
      let outcome = byId.get(key);
      if (!outcome) {
        if (!context.backlog.byKey.outcomes.has(key)) {
          skip(outcomes, 'a metric of an outcome in neither the backlog nor the import');
          continue;
        }
        outcome = { id: context.backlog.byKey.outcomes.get(key)!.id, fields: {}, origin: metric.origin };
        byId.set(key, outcome);
        outcomes.entities.push(outcome);
      }
      const fields = Object.fromEntries(Object.entries(metric.fields).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
      outcome.fields.metrics = [...((outcome.fields.metrics as unknown[] | undefined) ?? []), fields];
    }
  }
  return [...byCollection.values()].sort((a, b) => COLLECTION_NAMES.indexOf(a.collection) - COLLECTION_NAMES.indexOf(b.collection));
}

export { mergeImported } from './merge.js';
