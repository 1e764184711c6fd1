// The YAML libraries, bundled in: the action is one file with no node_modules beside it. Its
// build (build.mjs --action) takes this module in place of load/parse/libraries.ts, whose
// functions these are, typed as those.
import * as jsYaml from 'js-yaml';
import * as yaml from 'yaml';
import type * as Libraries from '../load/parse/libraries.js';

export const yamlLibrary: typeof Libraries.yamlLibrary = () => yaml;
export const jsYamlLibrary: typeof Libraries.jsYamlLibrary = () => jsYaml;
