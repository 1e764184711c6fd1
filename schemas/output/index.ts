// The JSON outputs, each with its schema: `schemas/output/NAME.schema.json` is generated from
// these (kept equal by a test) and documents what a reader of `-f json` gets.
import type * as z from 'zod';
import { DiffOutput } from './diff.js';
import { GraphOutput } from './graph.js';
import { ListOutput } from './list.js';
import { LogOutput } from './log.js';
import { HistoryOutput, ReportOutput } from './report.js';
import { RulesOutput } from './rules.js';
import { ShowOutput } from './show.js';
import { ValidateOutput } from './validate.js';
import { WavePlanOutput, WavesOutput } from './waves.js';

export const OUTPUT_SCHEMAS: Record<string, z.ZodType> = {
  validate: ValidateOutput,
  diff: DiffOutput,
  list: ListOutput,
  show: ShowOutput,
  graph: GraphOutput,
  waves: WavesOutput,
  'waves-suggest': WavePlanOutput,
  report: ReportOutput,
  'report-history': HistoryOutput,
  log: LogOutput,
  rules: RulesOutput,
};
