// `backlog show -f json` (and -f yaml): the entity in the JSON outputs' key style
// (schemas/output/show.ts): the sections the tool makes are camelCase, the fields as the backlog
// writes them.
import type * as z from 'zod';
import type { ShowOutput } from '../../../schemas/output/show.js';
import type { EntityDetail } from '../../query/show.js';
import { jsonText, OUTPUT_VERSION } from '../shared/json-output.js';

/** The entity as `show -f json` writes it, and `-f yaml` too. */
export function showOutput(detail: EntityDetail): z.output<typeof ShowOutput> {
  return {
    version: OUTPUT_VERSION,
    kind: detail.kind,
    id: detail.id,
    definedIn: detail.defined_in,
    fields: detail.fields,
    sections: Object.fromEntries(Object.entries(detail.sections).map(([key, value]) => [camelCase(key), value])),
  };
}

export function showJson(detail: EntityDetail): string {
  return jsonText(showOutput(detail));
}

/** `open_remediations` -> `openRemediations`. */
function camelCase(key: string): string {
  return key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
