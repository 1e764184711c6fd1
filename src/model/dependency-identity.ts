// A dependency without an id is identified by its edge: `from->to:port/protocol`. The loader
// keys entities with it, and imports find the dependency they update with it.
import type { CollectionName } from '../../schemas/collections.js';
import { idKey } from './entity.js';
import { parseReference } from './references.js';

export function dependencyIdentity(data: Record<string, unknown>): string {
  const from = typeof data.from === 'string' ? data.from : '?';
  const to = typeof data.to === 'string' ? data.to : '?';
  const port = typeof data.port === 'number' ? `:${data.port}` : '';
  const protocol = typeof data.protocol === 'string' ? `/${data.protocol}` : '';
  return `${from}->${to}${port}${protocol}`;
}

/** The identity compared case-insensitively, a bare reference written as `workload:`; none for a dependency with an id. */
export function dependencyKey(data: Record<string, unknown>): string | undefined {
  if (typeof data.id === 'string') return undefined;
  const normal = (ref: unknown) => {
    if (typeof ref !== 'string') return '?';
    const parsed = parseReference('typed', ref);
    return `${parsed.kind ?? ''}:${parsed.id}`;
  };
  return idKey(dependencyIdentity({ ...data, from: normal(data.from), to: normal(data.to) }));
}

/** The id of an entity: its own, or for a dependency without one, its edge. */
export function entityIdOf(collection: CollectionName, data: Record<string, unknown>): string | undefined {
  if (typeof data.id === 'string') return data.id;
  return collection === 'dependencies' ? dependencyIdentity(data) : undefined;
}
