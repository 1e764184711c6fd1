import { expect } from 'vitest';
import { parseFull } from '../../src/load/parse/full.js';
import { parseSubset } from '../../src/load/parse/subset.js';

/**
 * Whether the subset parser read the text; when it did, the full parser (the `yaml` package)
 * must find it clean, one document, with the same value, and an `x-` key wherever the subset
 * parser said there was one.
 */
export function subsetAgreesWithFull(text: string): boolean {
  const subset = parseSubset(text);
  if (subset === undefined) return false;
  const full = parseFull(text);
  expect({ text, problems: full.problems, documents: full.documents.length }).toEqual({ text, problems: [], documents: 1 });
  expect({ text, value: subset.value }).toEqual({ text, value: full.documents[0]!.value });
  expect({ text, extensionKeys: subset.extensionKeys }).toEqual({ text, extensionKeys: hasExtensionKey(full.documents[0]!.value) });
  return true;
}

function hasExtensionKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasExtensionKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => key.startsWith('x-') || hasExtensionKey(item));
}
