// `backlog waves`: the waves with their load and findings; `--suggest`: a proposed assignment,
// written into the files with `--write`.
import { applyFileEdits } from '../../edit/apply-changes.js';
import { waveAssignmentEdits } from '../../edit/assign-waves.js';
import type { WavesFormat } from '../../format/waves/formats.js';
import { WAVE_PLAN_FORMATTERS, WAVES_FORMATTERS } from '../../format/waves/index.js';
import { suggestWaves } from '../../query/suggest-waves.js';
import { summarizeWaves } from '../../query/waves.js';
import { DATED_RULES, WAVE_RULES } from '../../validate/rules/index.js';
import { findings } from '../../validate/validate.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { openForQuery, whileWriting, type QueriedBacklog } from '../open-backlog.js';
import { reportApplied } from '../report-applied.js';
import { writeOutput } from '../write-output.js';

export interface WavesOptions {
  root?: string;
  format: WavesFormat;
  wide?: boolean;
  suggest?: boolean;
  maxServers?: number;
  reassign?: boolean;
  write?: boolean;
  dryRun?: boolean;
  asOf?: string;
  color?: boolean;
}

export async function runWaves(options: WavesOptions, io: CliIO): Promise<number> {
  const writes = options.suggest === true && options.write === true && options.dryRun !== true;
  return whileWriting(io, options.root, writes, (journal) => waves(options, io, journal));
}

async function waves(options: WavesOptions, io: CliIO, journal: string | undefined): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const style = createStyle(colourEnabled(io, options.color));
  // Only a write reads the files: the rest answers from the snapshot.
  if (options.suggest && options.write) return writeSuggestedWaves(options, io, asOf, journal);
  const opened = await openForQuery(io, options.root);
  if (options.suggest) {
    const plan = planOptions(options);
    // The plan follows from the model and the options alone: kept with the snapshot, for each.
    const name = `wave-plan.${plan.reassign ? 'reassign' : 'keep'}.${plan.maxServers ?? 'default'}`;
    writeOutput(io, WAVE_PLAN_FORMATTERS[options.format](opened.kept(name, () => suggestWaves(opened.context, plan)), style, options.wide ? undefined : io.columns));
    return 0;
  }
  // Worked out from the model (and the day, if a wave rule is dated): kept with the snapshot.
  const name = WAVE_RULES.some((rule) => DATED_RULES.includes(rule)) ? `waves.${asOf}` : 'waves';
  const summaries = opened.kept(name, () => summarizeWaves(opened.context, waveFindings(opened, asOf)));
  writeOutput(io, await WAVES_FORMATTERS[options.format](summaries, { style: options.format === 'table' ? style : createStyle(false), columns: options.wide ? undefined : io.columns }));
  return 0;
}

async function writeSuggestedWaves(options: WavesOptions, io: CliIO, asOf: string, journal: string | undefined): Promise<number> {
  const { openForEdit } = await import('../open-for-edit.js');
  const opened = await openForEdit(io, options.root);
  const plan = suggestWaves(opened.context, planOptions(options));
  const edits = waveAssignmentEdits(opened.context.backlog, plan);
  const editing = await opened.toEdit(edits.keys());
  const result = applyFileEdits(editing.base, edits, { root: opened.root, dryRun: options.dryRun === true, asOf, ...(journal ? { journal } : {}) });
  if (result.status === 'applied') await editing.written(result.after);
  return reportApplied(result, io, createStyle(colourEnabled(io, options.color)));
}

function planOptions(options: WavesOptions) {
  return { reassign: options.reassign === true, ...(options.maxServers !== undefined ? { maxServers: options.maxServers } : {}) };
}

/** The findings about the waves' plans: only the rules that find them run (no file's finding is one); the summaries they go into are what is kept. */
function waveFindings(opened: QueriedBacklog, asOf: string) {
  const placeable = { get: (path: string) => opened.sourceOf(path) };
  return findings({ ...opened.read, drafts: [], ...opened.context }, { asOf }, placeable, WAVE_RULES);
}
