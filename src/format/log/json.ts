// `backlog log REF -f json`: the entity and its history, newest first.
import type { HistoryEntry } from '../../git/entity-history.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

export function logJson(label: string, history: HistoryEntry[]): string {
  return jsonText({ version: OUTPUT_VERSION, entity: label, history });
}
