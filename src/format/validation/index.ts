// The formats of `backlog validate`, by the name `-f` takes.
import type { ValidationFormat } from './formats.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { ValidationFormatter } from './types.js';

export const VALIDATION_FORMATTERS: Record<ValidationFormat, ValidationFormatter> = {
  stylish,
  json,
  github,
  sarif,
  junit,
  markdown,
  gitlab,
};

/** The formats whose paths start at the top of the git repository, where CI maps them onto its files. */
export const REPOSITORY_PATH_FORMATS: ReadonlySet<ValidationFormat> = new Set(['github', 'sarif', 'gitlab', 'junit', 'markdown']);
