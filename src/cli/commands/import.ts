// `backlog import FORMAT FILE`: merge an export into the backlog — idempotent, validated,
// comment-preserving — and say what was added, updated and skipped.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CollectionName } from '../../../schemas/collections.js';
import { applyFileEdits } from '../../edit/apply-changes.js';
import { errorMessage, IoError, UsageError } from '../../errors.js';
import { mergeImported, runImporter, type ImportFormat } from '../../import/index.js';
import { plural } from '../../text/list.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openBacklog, whileWriting } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';
import { parseCollection } from './list.js';

export interface ImportOptions {
  root?: string;
  into?: string;
  collection?: string;
  dryRun?: boolean;
  asOf?: string;
  color?: boolean;
}

export async function runImport(format: ImportFormat, file: string, options: ImportOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const text = readExport(resolve(io.cwd, file), file);
  const dryRun = options.dryRun === true;
  return whileWriting(io, options.root, !dryRun, async (journal) => {
    const opened = await openBacklog(io, options.root);
    const collection: CollectionName = options.collection ? parseCollection(options.collection) : 'workloads';
    const result = runImporter(format, text, file, { backlog: opened.backlog }, collection);
    const into = intoPath(opened.root, io.cwd, options.into ?? `${result.collection}.yaml`, options.into === undefined);
    const plan = mergeImported(opened.backlog, result, into);
    const applied = applyFileEdits(opened.files, plan.edits, { root: opened.root, dryRun, asOf, ...(journal ? { journal } : {}) });
    const code = reportApplied(applied, io, createStyle(colourEnabled(io, options.color)));
    const summary = summarize(format, result.collection, result.rowsRead, plan, result.skipped);
    if (applied.status === 'dry-run' || applied.status === 'refused') io.stderr(summary);
    else io.stdout(summary);
    return code;
  });
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

/** The export's text: UTF-8, or UTF-16 as spreadsheets save "Unicode text". */
function readExport(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${shown}: no such file`);
    throw new IoError(`cannot read ${shown}: ${errorMessage(error)}`, { cause: error });
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.includes(0)) throw new UsageError(`${shown} is not a text (CSV) file; an Excel workbook must be saved as CSV first`);
  return bytes.toString('utf8');
}

function summarize(format: string, collection: string, rowsRead: number, plan: ReturnType<typeof mergeImported>, skipped: Map<string, number>): string {
  const lines = [
    `${format}: ${plural(rowsRead, 'row')} read; ${collection}: ${plan.added} added, ${plan.updated} updated, ${plan.unchanged} unchanged${plan.repeated > 0 ? `, ${plan.repeated} listed more than once (the last counts)` : ''}`,
  ];
  const skippedRows = [...skipped.values()].reduce((a, b) => a + b, 0);
  if (skippedRows > 0) {
    lines.push(`skipped ${plural(skippedRows, 'row')}:`);
    for (const [reason, count] of [...skipped].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(6)}  ${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
