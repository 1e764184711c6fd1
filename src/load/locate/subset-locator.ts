// Positions for files read by the fast reader: the same reader reads the file again, placing
// every node, so the two can never disagree. Only files with findings pay for this, and once:
// each finding is then a walk down its path.
import { placeSubset, type PlacedNode } from '../parse/subset.js';
import type { OffsetRange } from '../../model/place.js';
import type { LocateRequest, Locator } from './locate-request.js';

export function subsetLocator(text: string): Locator {
  const root = placeSubset(text);
  return (request) => (root && request.doc === 0 ? locateIn(root, request) : undefined);
}

/** As the full locator walks the `yaml` package's nodes (full-locator.ts). */
function locateIn(root: PlacedNode, { path, target }: LocateRequest): OffsetRange {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node.entries) {
      const entry = node.entries.get(String(segment));
      if (!entry) break;
      if (i === path.length - 1 && target === 'key') return entry.key;
      node = entry.value;
    } else if (node.items && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  // A mapping is shown by its first key: the line where the entity starts.
  return node.first ?? node.range;
}
