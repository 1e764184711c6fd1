// `backlog waves -f json`: the waves with their load and findings; with --suggest, the plan.
import type { WavePlan } from '../../query/suggest-waves.js';
import type { WaveSummary } from '../../query/waves.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export function wavesJson(summaries: readonly WaveSummary[]): string {
  return jsonText({ version: OUTPUT_VERSION, waves: summaries });
}

export function wavePlanJson(plan: WavePlan): string {
  return jsonText({ version: OUTPUT_VERSION, ...plan });
}
