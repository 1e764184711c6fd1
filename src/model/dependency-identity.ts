// A dependency without an id is identified by its edge: `from->to:port/protocol`. The loader
// keys entities with it, and imports find the dependency they update with it.
import type { CollectionName } from '../../schemas/collections.js';
import { idKey } from './entity.js';

export function dependencyIdentity(data: Record<string, unknown>): string {
  return identityOf(typeof data.from === 'string' ? data.from : '?', typeof data.to === 'string' ? data.to : '?', data);
}

/**
 * The identity compared case-insensitively, a bare reference written as `workload:`; none for
 * a dependency with an id. `identity`: the dependencyIdentity made already, used when its ends
 * are typed (then the two differ only in case, and an identity in lower case is the key itself).
 */
export function dependencyKey(data: Record<string, unknown>, identity?: string): string | undefined {
  if (typeof data.id === 'string') return undefined;
  const from = asTyped(data.from);
  const to = asTyped(data.to);
  const typed = identity !== undefined && from === data.from && to === data.to;
  return idKey(typed ? identity : identityOf(from, to, data));
}

/** Joined, not concatenated: a key kept for every dependency is one flat string, not a tree of pieces. */
function identityOf(from: string, to: string, { port, protocol }: Record<string, unknown>): string {
  return [from, '->', to, typeof port === 'number' ? `:${port}` : '', typeof protocol === 'string' ? `/${protocol}` : ''].join('');
}

/** An end written as a typed reference (what parseReference reads it as): a bare id is a workload's. */
function asTyped(end: unknown): string {
  if (typeof end !== 'string') return '?';
  return end.includes(':') ? end : `workload:${end}`;
}

/** The id of an entity: its own, or for a dependency without one, its edge. */
export function entityIdOf(collection: CollectionName, data: Record<string, unknown>): string | undefined {
  if (typeof data.id === 'string') return data.id;
  return collection === 'dependencies' ? dependencyIdentity(data) : undefined;
}
