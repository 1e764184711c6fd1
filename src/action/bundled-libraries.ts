// The yaml package, bundled in: the action is one file with no node_modules beside it. Its
// build (build.mjs --action) takes this module in place of load/parse/libraries.ts, whose
// function this is, typed as that.
import * as yaml from 'yaml';
import type * as Libraries from '../load/parse/libraries.js';

export const yamlLibrary: typeof Libraries.yamlLibrary = () => yaml;
