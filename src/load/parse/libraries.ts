// The `yaml` package, loaded when first needed: nearly every backlog file is in the subset the
// fast reader takes, and a run that meets no other file and has no finding to place never needs
// it (code both threads of a cold load would otherwise compile before reading a file). Loaded
// with require (a CommonJS package), so that the parsers stay synchronous.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const load = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;

/** The `yaml` package: the full parser, positions of findings. */
export function yamlLibrary(): typeof Yaml {
  return (yaml ??= load('yaml') as typeof Yaml);
}
