import { stringify } from 'yaml';
import type { EntityDetail } from '../../query/show.js';
import { showOutput } from './json.js';

/** `backlog show -f yaml`: what `-f json` gives, as YAML. */
export function showYaml(detail: EntityDetail): string {
  return stringify(showOutput(detail), { lineWidth: 0 });
}
