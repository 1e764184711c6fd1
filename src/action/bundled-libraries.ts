// The YAML libraries, bundled in: the action is one file with no node_modules beside it. Its
// build (build.mjs --action) takes this module in place of load/parse/libraries.ts.
import * as jsYaml from 'js-yaml';
import * as yaml from 'yaml';

export const yamlLibrary = (): typeof yaml => yaml;
export const jsYamlLibrary = (): typeof jsYaml => jsYaml;
