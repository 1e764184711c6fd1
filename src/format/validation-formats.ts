import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { ValidationFormatter } from './types.js';

export const VALIDATION_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'markdown'] as const;
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

export const VALIDATION_FORMATTERS: Record<ValidationFormat, ValidationFormatter> = {
  stylish,
  json,
  github,
  sarif,
  junit,
  markdown,
};

export function isValidationFormat(name: string): name is ValidationFormat {
  return (VALIDATION_FORMATS as readonly string[]).includes(name);
}
