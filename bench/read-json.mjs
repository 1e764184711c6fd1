// The floor: read every file of the estate written as JSON, and JSON.parse it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let entities = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.json')) continue;
  const value = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const list of Object.values(value)) if (Array.isArray(list)) entities += list.length;
}
if (entities === 0) process.exitCode = 2;
