import type { ParserName } from '../types.js';
import { fullLocator } from './full-locator.js';
import type { Locator } from './locate-request.js';
import { subsetLocator } from './subset-locator.js';

export { clampToLine, type Locator } from './locate-request.js';
export { LineIndex } from './line-index.js';

/** A locator that reads the file with the parser that produced its values, so both agree. */
export function createLocator(text: string, parser: ParserName): Locator {
  return parser === 'fast' ? subsetLocator(text) : fullLocator(text);
}
