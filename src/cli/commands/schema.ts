import { backlogJsonSchema } from '../../../schemas/json-schema.js';
import type { CliIO } from '../io.js';
import { writeOutput } from '../write-output.js';

/** `backlog schema`: the JSON Schema of a backlog file (schemas/backlog.schema.json is this output). */
export function runSchema(io: CliIO): number {
  writeOutput(io, `${JSON.stringify(backlogJsonSchema(), null, 2)}\n`);
  return 0;
}
