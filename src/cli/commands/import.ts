// `backlog import SOURCE FILE...`: merge exports into the backlog — idempotent, validated,
// comment-preserving — and say what was added, updated and skipped. Several files, or a
// workbook's sheets, are merged at once, so that references between them resolve together. A
// value the import cannot take is refused where the export wrote it, and nothing is written.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CollectionName } from '../../../schemas/collections.js';
import { COLLECTION_KINDS, COLLECTION_NAMES } from '../../../schemas/vocabulary.js';
import type { ImportSource } from '../../../schemas/vocabulary.js';
import { applyFileEdits, type ApplyResult } from '../../edit/apply-changes.js';
import type { Edit } from '../../edit/text-edits.js';
import { errorMessage, IoError, UsageError } from '../../errors.js';
import { columnMapOf, mapFileEntries, parseMapOptions, unusedColumns } from '../../import/column-map.js';
import { importInputs, mergeImported, type ImportRun } from '../../import/index.js';
import type { MergePlan } from '../../import/merge.js';
import { readInput, type ReadInput } from '../../import/read-input.js';
import { placeOf } from '../../import/sheet.js';
import type { Origin, TableCollection } from '../../import/types.js';
import { addTo } from '../../model/group.js';
import { plural } from '../../text/list.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { whileWriting } from '../open-backlog.js';
import { openForEdit } from '../open-for-edit.js';
import { reportApplied } from '../report-applied.js';
import { parseCollection } from './list.js';
import { writeOutput } from '../write-output.js';
import { wrapText } from '../../format/shared/wrap.js';

export interface ImportOptions {
  root?: string;
  into?: string;
  collection?: string;
  dryRun?: boolean;
  asOf?: string;
  color?: boolean;
  sheet?: string;
  map?: string[];
  mapFile?: string;
  ignoreUnknownColumns?: boolean;
  dateFormat?: string;
  addServers?: boolean;
}

/** At most this many problems are listed; the count of the rest follows. */
const SHOWN_PROBLEMS = 50;

export async function runImport(source: ImportSource, files: readonly string[], options: ImportOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  if (options.addServers && source !== 'azure-migrate-dependencies') throw new UsageError(`--add-servers is for azure-migrate-dependencies: ${source} adds what it reads`);
  const collection: TableCollection | undefined = options.collection === undefined ? undefined : options.collection.toLowerCase() === 'metrics' ? 'metrics' : parseCollection(options.collection);
  const mapFile = options.mapFile === undefined ? undefined : mapFileEntries(readMapFile(resolve(io.cwd, options.mapFile), options.mapFile), options.mapFile);
  const commandMap = parseMapOptions(options.map ?? []);
  const inputs: ReadInput[] = [];
  for (const file of files) inputs.push(await readInput(readExport(resolve(io.cwd, file), file), file, { trim: source !== 'csv' }));
  const dryRun = options.dryRun === true;
  // The backlog's writer lock from before the files are read until they are written.
  return whileWriting(io, options.root, !dryRun, async (journal) => {
    const opened = await openForEdit(io, options.root);
    const backlog = opened.context.backlog;
    const settings = backlog.project?.imports?.[source];
    const dateFormat = options.dateFormat ?? settings?.date_format;
    const columns = columnMapOf(settings?.columns, mapFile, commandMap);
    const context = {
      backlog,
      values: dateFormat === undefined ? {} : { dateOrder: dateOrderOf(dateFormat) },
      ...(collection !== undefined ? { collection } : {}),
      ignoreUnknownColumns: options.ignoreUnknownColumns === true || settings?.ignore_unknown_columns === true,
      addServers: options.addServers === true,
    };
    const run = importInputs(source, inputs, context, { sheet: options.sheet ?? settings?.sheet, columns });
    // A misspelt column of --map or --map-file is said; the project's map serves many exports.
    const unused = unusedColumns(columnMapOf(mapFile, commandMap), run.sheets.map((read) => read.sheet));
    if (run.problems.length > 0) {
      for (const problem of run.problems.slice(0, SHOWN_PROBLEMS)) io.stderr(`${problem.place}: ${problem.message}\n${problem.hint ? `  hint: ${problem.hint}\n` : ''}`);
      if (run.problems.length > SHOWN_PROBLEMS) io.stderr(`... and ${plural(run.problems.length - SHOWN_PROBLEMS, 'more problem')}\n`);
      io.stderr(`backlog: the import was refused (${plural(run.problems.length, 'value')} it cannot take); nothing was written\n`);
      io.stderr(summarize(source, run, undefined, unused, io.columns));
      return 1;
    }

    const edits = new Map<string, Edit[]>();
    const plans = new Map<CollectionName, MergePlan>();
    for (const result of run.results) {
      const into = intoPath(opened.root, io.cwd, options.into ?? `${result.collection}.yaml`, options.into === undefined);
      const plan = mergeImported(backlog, result, into);
      plans.set(result.collection, plan);
      for (const [file, fileEdits] of plan.edits) for (const edit of fileEdits) addTo(edits, file, edit);
    }
    const editing = await opened.toEdit(edits.keys());
    const applied = applyFileEdits(editing.base, edits, { root: opened.root, dryRun, asOf, ...(journal ? { journal } : {}) });
    if (applied.status === 'applied') await editing.written(applied.after);
    const code = applied.status === 'refused' ? reportRefusal(applied, run, io, createStyle(colourEnabled(io, options.color))) : reportApplied(applied, io, createStyle(colourEnabled(io, options.color)));
    const summary = summarize(source, run, applied.status === 'refused' ? undefined : plans, unused, io.columns);
    if (applied.status === 'dry-run' || applied.status === 'refused') io.stderr(summary);
    else writeOutput(io, summary);
    return code;
  });
}

/**
 * A change refused for the findings it would add: each finding about an entity the import
 * brought is said where the export wrote it (its row, and the column of the field).
 */
function reportRefusal(applied: Extract<ApplyResult, { status: 'refused' }>, run: ImportRun, io: CliIO, style: ReturnType<typeof createStyle>): number {
  const origins = new Map<string, Origin>();
  for (const result of run.results) {
    for (const entity of result.entities) if (entity.id !== undefined && entity.origin) origins.set(`${COLLECTION_KINDS[result.collection]}:${entity.id}`.toLowerCase(), entity.origin);
  }
  const placed = (d: Diagnostic) => {
    const origin = d.entity === undefined ? undefined : origins.get(d.entity.toLowerCase());
    const yamlPlace = d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.file;
    if (!origin) return yamlPlace;
    const field = typeof d.path?.[2] === 'string' ? d.path[2] : undefined;
    const column = field === undefined ? undefined : origin.columns?.get(field);
    return placeOf(origin.sheet, origin.row, column);
  };
  io.stderr(`backlog: ${applied.reason}\n`);
  for (const d of applied.introduced) io.stderr(`  ${placed(d)}  ${style.red(d.severity)}  ${d.message}  ${style.dim(d.code)}\n`);
  return 1;
}

/**
 * The --into file as a path inside the backlog root: a relative --into is taken from the working
 * folder as any other path argument (the default from the root), and a file outside the root is
 * refused, because the backlog would not read it back.
 */
function intoPath(root: string, cwd: string, into: string, isDefault: boolean): string {
  const inside = relative(root, resolve(isDefault ? root : cwd, into));
  if (inside === '' || inside.split(sep)[0] === '..' || isAbsolute(inside)) throw new UsageError(`--into ${into} is outside the backlog root ${root}; name a file inside it`);
  if (!/\.ya?ml$/i.test(inside)) throw new UsageError(`--into ${into} is not a .yaml file; the backlog reads only .yaml and .yml files`);
  return inside.split('\\').join('/');
}

function readExport(path: string, shown: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${shown}: no such file`);
    // A folder named where a file belongs is the user's slip, as a missing file is.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new UsageError(`${shown} is a folder: name the exported file in it`);
    throw new IoError(`cannot read ${shown}: ${errorMessage(error)}`, { cause: error });
  }
}

function readMapFile(path: string, shown: string): unknown {
  const text = readExport(path, shown).toString('utf8');
  try {
    return parseYaml(text);
  } catch (error) {
    throw new UsageError(`${shown} is not YAML: ${errorMessage(error)}`);
  }
}

function dateOrderOf(format: string): 'dmy' | 'mdy' {
  const letters = format.toUpperCase().replace(/[^DMY]/g, '').replace(/(.)\1+/g, '$1');
  if (letters === 'DMY') return 'dmy';
  if (letters === 'MDY') return 'mdy';
  throw new UsageError(`--date-format ${format}: write DMY (31/01/2027) or MDY (01/31/2027)`);
}

/**
 * `csv: 3 rows read; workloads: 1 added, 1 updated, 0 unchanged`, what was skipped and why, columns
 * left out; within the terminal's `columns` (stdout's: stderr is nearly always the same terminal).
 */
function summarize(source: string, run: ImportRun, plans: ReadonlyMap<CollectionName, MergePlan> | undefined, unused: readonly string[], columns: number | undefined): string {
  const rows = run.sheets.reduce((sum, sheet) => sum + sheet.sheet.rows.length, 0);
  // A workbook's sheets read: `(book.xlsx: sheet vInfo)`.
  const bySheet = new Map<string, string[]>();
  for (const { sheet } of run.sheets) if (sheet.name !== undefined) addTo(bySheet, sheet.file, sheet.name);
  const workbooks = [...bySheet].map(([file, names]) => `${file}: ${names.length === 1 ? 'sheet' : 'sheets'} ${names.join(', ')}`);
  const read = `${source}: ${plural(rows, 'row')} read${workbooks.length > 0 ? ` (${workbooks.join('; ')})` : ''}`;
  const counts = plans
    ? [...plans].sort(([a], [b]) => COLLECTION_NAMES.indexOf(a) - COLLECTION_NAMES.indexOf(b)).map(([collection, plan]) => `${collection}: ${plan.added} added, ${plan.updated} updated, ${plan.unchanged} unchanged${plan.repeated > 0 ? `, ${plan.repeated} listed more than once (the last counts)` : ''}`)
    : ['nothing was written'];
  const lines = [[read, ...counts].join('; ')];
  const skipped = new Map<string, number>();
  for (const result of run.results) for (const [reason, count] of result.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  const skippedRows = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (skippedRows > 0) {
    lines.push(`skipped ${plural(skippedRows, 'row')}:`);
    for (const [reason, count] of [...skipped].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(6)}  ${reason}`);
  }
  const leftOut = [...new Set(run.sheets.flatMap((sheet) => sheet.leftOut))];
  if (leftOut.length > 0) lines.push(`columns left out (no field of the backlog; --map 'NAME=field' keeps one): ${leftOut.join(', ')}`);
  if (unused.length > 0) lines.push(`--map: no column ${unused.map((column) => `\`${column}\``).join(', ')} in the ${run.sheets.length === 1 ? 'sheet' : 'sheets'} read`);
  for (const hint of new Set(run.sheets.flatMap((sheet) => sheet.hints ?? []))) lines.push(`hint: ${hint}`);
  return `${lines.flatMap((line) => wrapText('', line, columns, '  ')).join('\n')}\n`;
}
