// The formats of `backlog waves`, by the name `-f` takes: of the waves (a table, markdown and
// csv are their rows), and of the plan --suggest makes, which is JSON or else text.
import type { ChalkInstance } from 'chalk';
import type { WavePlan } from '../../query/suggest-waves.js';
import { waveRows, type WaveSummary } from '../../query/waves.js';
import type { RowsFormat } from '../rows/formats.js';
import { rowsFormatter } from '../rows/index.js';
import type { RowsContext } from '../rows/types.js';
import type { WavesFormat } from './formats.js';
import { wavePlanJson, wavesJson } from './json.js';
import { wavePlanText } from './plan-text.js';

const asRows = (format: RowsFormat) => async (summaries: WaveSummary[], context: RowsContext) => (await rowsFormatter(format))(waveRows(summaries), context);

export const WAVES_FORMATTERS: Record<WavesFormat, (summaries: WaveSummary[], context: RowsContext) => Promise<string>> = {
  table: asRows('table'),
  json: async (summaries) => wavesJson(summaries),
  markdown: asRows('markdown'),
  csv: asRows('csv'),
};

export const WAVE_PLAN_FORMATTERS: Record<WavesFormat, (plan: WavePlan, style: ChalkInstance, columns?: number) => string> = {
  table: wavePlanText,
  json: wavePlanJson,
  markdown: wavePlanText,
  csv: wavePlanText,
};
