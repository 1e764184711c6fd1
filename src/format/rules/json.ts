import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';
import type { RuleRow } from './types.js';

export function rulesJson(rules: readonly RuleRow[]): string {
  return jsonText({ version: OUTPUT_VERSION, rules });
}
