// Positions from the `yaml` package's document tree, for files read by the full parser.
import type { Document, Node } from 'yaml';
import { yamlLibrary } from '../parse/libraries.js';
import { FULL_PARSE_OPTIONS } from '../parse/full.js';
import type { OffsetRange } from '../../model/place.js';
import type { LocateRequest, Locator } from './locate-request.js';

export function fullLocator(text: string): Locator {
  const parsed = yamlLibrary().parseAllDocuments(text, FULL_PARSE_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  return (request) => {
    const doc = docs[request.doc];
    return doc ? locateIn(doc, request) : undefined;
  };
}

function locateIn(doc: Document.Parsed, { path, target }: LocateRequest): OffsetRange | undefined {
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const segment = path[i]!;
    if (isMap(node)) {
      // The last of duplicate keys is the one whose value counts.
      const pair = node.items.findLast((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if ((i === path.length - 1 && target === 'key') || pair.value === null) return rangeOf(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  // A mapping is shown by its first key: the line where the entity starts.
  if (isMap(node) && node.items[0]?.key) return rangeOf(node.items[0].key);
  return rangeOf(node);
}

function rangeOf(node: unknown): OffsetRange | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
