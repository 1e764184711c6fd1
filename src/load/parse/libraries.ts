// The YAML libraries, loaded when first needed. Nearly every backlog file is in the subset that
// the subset parser reads, and a run that meets no other file and has no finding to place
// never needs them: 370 KB of code that both threads of a cold load would otherwise compile and
// run before reading a file. Loaded with require (both are CommonJS packages, dependencies of
// this one), so that the parsers stay synchronous.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type * as Yaml from 'yaml';

const load = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;
let jsYaml: typeof JsYaml | undefined;

/** The `yaml` package: the full parser, positions of findings. */
export function yamlLibrary(): typeof Yaml {
  return (yaml ??= load('yaml') as typeof Yaml);
}

/** js-yaml: the fast parser for files outside the subset, positions of their findings. */
export function jsYamlLibrary(): typeof JsYaml {
  return (jsYaml ??= load('js-yaml') as typeof JsYaml);
}
