// `backlog validate`: load the whole backlog, report every finding in one or more formats.
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import type { ValidationContext, ValidationReport } from '../../format/validation/types.js';
import { isValidationFormat, VALIDATION_FORMATS, type ValidationFormat } from '../../format/validation/formats.js';
import { REPOSITORY_PATH_FORMATS, VALIDATION_FORMATTERS } from '../../format/validation/index.js';
import { backlogRoot } from '../backlog-root.js';
import { fsSource } from '../../load/fs-source.js';
import { loadBacklog } from '../../load/load-backlog.js';
import { repositoryPrefix } from '../../load/repository-prefix.js';
import { fails, type FailOn } from '../../validate/severity.js';
import { validate, type ValidationResult } from '../../validate/validate.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { cacheOf, parseCacheOf, threadsOf } from '../caching.js';
import { toolVersion } from '../version.js';
import { appendJobSummary, writeOutput } from '../write-output.js';
import { joinOr, plural } from '../../text/list.js';
import { printable } from '../../text/printable.js';
import { countBySeverity, describeCounts } from '../../format/validation/severity-counts.js';

export interface ValidateOptions {
  root?: string;
  format?: string[];
  failOn: FailOn;
  maxWarnings?: number;
  asOf?: string;
  color?: boolean;
  /** Only findings in files changed since the base, and findings the change introduced anywhere. */
  changed?: boolean;
  base?: string;
}

interface OutputRequest {
  format: ValidationFormat;
  /** Absent: standard output. */
  file?: string;
}

export async function runValidate(options: ValidateOptions, io: CliIO): Promise<number> {
  const outputs = parseOutputs(options.format ?? [], io.cwd);
  const asOf = resolveAsOf(options.asOf, io.env);
  const root = await backlogRoot(io, options.root);
  // Before any file is read: a misplaced option costs no wait.
  if (!options.changed && options.base !== undefined) throw new UsageError('--base goes with --changed');
  const checked = options.changed ? await changedOnly(root, asOf, options.base, io) : await validateAll(root, asOf, io);
  const { files, entities, diagnostics, sources } = checked;
  // CI maps annotations, SARIF and Code Quality onto the repository: their paths start at its top.
  const repositoryPaths = repositoryPrefix(root, io.cwd);
  const report: ValidationReport = { files: [...files], entities, diagnostics };
  for (const output of outputs) {
    // Colour is for the terminal: never in a file.
    const colour = output.file === undefined && colourEnabled(io, options.color);
    const context: ValidationContext = {
      style: createStyle(colour),
      pathPrefix: REPOSITORY_PATH_FORMATS.has(output.format) ? repositoryPaths : '',
      sources,
      failOn: options.failOn,
      ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
      toolVersion: toolVersion(),
    };
    const text = VALIDATION_FORMATTERS[output.format](report, context);
    // As validate always has: a FORMAT=FILE goes into a folder that is there.
    writeOutput(io, text, { file: output.file, makeFolder: false });
  }
  // GitHub shows ten annotations of each kind: the job summary has the table of findings.
  if (outputs.some((o) => o.format === 'github')) {
    appendJobSummary(io, VALIDATION_FORMATTERS.markdown(report, { style: createStyle(false), pathPrefix: repositoryPaths, sources, failOn: options.failOn, toolVersion: toolVersion() }));
  }

  const failing = diagnostics.some((d) => fails(d.severity, options.failOn));
  const counts = countBySeverity(diagnostics);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  // With every output in a file, say in one line what happened.
  if (outputs.every((output) => output.file !== undefined)) {
    io.stderr(`backlog: ${describeCounts(counts) || 'no problems'} in ${plural(files.length, 'file')}; wrote ${printable(outputs.map((o) => o.file).join(', '))}\n`);
  }
  if (tooManyWarnings) io.stderr(`backlog: ${plural(counts.warning, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
  return failing || tooManyWarnings ? 1 : 0;
}

/** What validate reports of a backlog: its files, how many entities, the findings, and the texts that show them. */
type Checked = Pick<ValidationResult, 'entities' | 'diagnostics' | 'sources'> & { files: readonly string[] };

/** Every file read (through the parse cache), every finding. */
async function validateAll(root: string, asOf: string, io: CliIO): Promise<Checked> {
  const source = fsSource(root);
  const cache = parseCacheOf(io, root);
  const loaded = await loadBacklog(source, { ...(cache ? { cache } : {}), threads: threadsOf(io) });
  for (const notice of source.notices) io.stderr(`backlog: ${printable(notice)}\n`);
  const result = validate(loaded.files, { asOf }, loaded);
  await cache?.save();
  return { ...result, files: loaded.files.map((file) => file.path) };
}

/** Only the findings a change is answerable for (validate-changed.ts). */
async function changedOnly(root: string, asOf: string, baseRef: string | undefined, io: CliIO): Promise<Checked> {
  // git and its library are loaded only for --changed: every other run starts without them.
  const { validateChanged } = await import('./validate-changed.js');
  const cache = cacheOf(io);
  const checked = await validateChanged(root, { baseRef, asOf, ...(cache ? { cache } : {}) }, io);
  for (const notice of checked.notices) io.stderr(`backlog: ${printable(notice)}\n`);
  return checked;
}

/** `-f json`, `-f sarif=out.sarif`: at most one format to stdout, the others each to their own file. */
function parseOutputs(specs: readonly string[], cwd: string): OutputRequest[] {
  if (specs.length === 0) return [{ format: 'stylish' }];
  const outputs = specs.map((spec): OutputRequest => {
    const equals = spec.indexOf('=');
    const name = equals === -1 ? spec : spec.slice(0, equals);
    const file = equals === -1 ? undefined : spec.slice(equals + 1);
    if (!isValidationFormat(name)) {
      throw new UsageError(`unknown format \`${name}\`: use ${joinOr([...VALIDATION_FORMATS])}`);
    }
    if (file === '') throw new UsageError(`-f ${spec}: no file name after \`=\``);
    return file === undefined ? { format: name } : { format: name, file };
  });
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `${toStdout.map((o) => o.format).join(' and ')} would both go to stdout, and neither could be read`,
      `write all but one to a file: -f ${toStdout[1]!.format}=FILE`,
    );
  }
  const files = outputs.flatMap((output) => (output.file === undefined ? [] : [resolve(cwd, output.file)]));
  const repeated = files.find((file, i) => files.indexOf(file) !== i);
  if (repeated) throw new UsageError(`two formats would be written to ${repeated}`);
  return outputs;
}
