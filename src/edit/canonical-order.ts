// The order fmt writes keys in, for one mapping of a backlog file: the specification's order for
// what the schema knows, then `x-*` fields, then the rest as written. fmt sorts by it, and an edit
// that adds a field (set, import) puts it where fmt would.
import type * as z from 'zod';
import { COLLECTION_NAMES, COLLECTIONS, isCollectionName } from '../../schemas/collections.js';
import { Project } from '../../schemas/project.js';
import type { PathSegment } from '../model/place.js';
import { isExtensionField } from '../load/check/extensions.js';
import { fieldNames, schemaAt } from '../load/check/schema-walk.js';

export const TOP_LEVEL_ORDER: readonly string[] = ['project', ...COLLECTION_NAMES];

/** The schema of the mapping at a path of a document (`['workloads', 3, 'target']`), if the format knows it. */
function schemaAtPath(path: readonly PathSegment[]): z.ZodType | undefined {
  const [head, ...rest] = path;
  let root: z.ZodType;
  if (head === 'project') root = Project;
  else if (typeof head === 'string' && isCollectionName(head) && typeof rest[0] === 'number') root = COLLECTIONS[head].schema as z.ZodType;
  else return undefined;
  const inside = head === 'project' ? rest : rest.slice(1);
  // Inside an x- field, anything goes, in any order.
  if (inside.some((segment) => typeof segment === 'string' && isExtensionField(segment))) return undefined;
  return schemaAt(root, inside);
}

/** The keys of the mapping at a path in their canonical order; undefined when none is known. */
export function keyOrderAt(path: readonly PathSegment[]): readonly string[] | undefined {
  if (path.length === 0) return TOP_LEVEL_ORDER;
  const names = fieldNames(schemaAtPath(path));
  return names.length > 0 ? names : undefined;
}

/** Where a key stands: known keys by their place, then `x-*` keys, then the rest; a key that is no text last. */
export function keyRank(order: readonly string[], key: string | undefined): number {
  if (key === undefined) return order.length + 2;
  const index = order.indexOf(key);
  if (index !== -1) return index;
  return isExtensionField(key) ? order.length : order.length + 1;
}
