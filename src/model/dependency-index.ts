// Which dependencies repeat one before them, found without making their keys. A dependency
// without an id is keyed by its edge (`from->to:port/protocol`, lower-cased): 100,000 keys of
// 40 characters at L, each made, hashed and kept by an index of text. Here each is hashed as it
// would be written, from its fields, into a number; only dependencies whose numbers meet have
// their keys made, to tell a repeat from two keys that hash alike.
import { LoadedEntity, type Entity } from './entity.js';

type Dependency = Entity<'dependencies'>;

export class DependencyIndex {
  /** The first dependency of each hash. */
  private readonly firstOfHash = new Map<number, Dependency>();
  /** The first dependency of each key whose hash a dependency of another key had first. */
  private collided: Map<string, Dependency> | undefined;

  /** Adds the next dependency: whether it is the first of its key. */
  add(dependency: Dependency): boolean {
    const hash = keyHashOf(dependency);
    const first = this.firstOfHash.get(hash);
    if (first === undefined) {
      this.firstOfHash.set(hash, dependency);
      return true;
    }
    if (first.key === dependency.key) return false;
    this.collided ??= new Map();
    if (this.collided.has(dependency.key)) return false;
    this.collided.set(dependency.key, dependency);
    return true;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of a dependency's key: of its text when made, else of the text it would be. */
export function keyHashOf(dependency: Dependency): number {
  if (dependency instanceof LoadedEntity && !dependency.keyMade) {
    const hash = identityHash(dependency.data as Record<string, unknown>);
    if (hash !== undefined) return hash;
  }
  return textHash(FNV_OFFSET, dependency.key, true)!;
}

/**
 * The hash of idKey(id) made from the fields, the way dependencyIdentity writes them; undefined
 * when a character is not ASCII (lower-casing it may take more than a character to itself).
 */
function identityHash(data: Record<string, unknown>): number | undefined {
  const { id, from, to, port, protocol } = data;
  if (typeof id === 'string') return textHash(FNV_OFFSET, id);
  let hash: number | undefined = textHash(FNV_OFFSET, typeof from === 'string' ? from : '?');
  if (hash !== undefined) hash = textHash(hash, '->');
  if (hash !== undefined) hash = textHash(hash, typeof to === 'string' ? to : '?');
  if (hash !== undefined && typeof port === 'number') hash = textHash(textHash(hash, ':')!, String(port));
  if (hash !== undefined && typeof protocol === 'string') hash = textHash(textHash(hash, '/')!, protocol);
  return hash;
}

/**
 * FNV-1a over the text lower-cased, from `hash`; undefined at a character that is not ASCII,
 * unless `anyText` (then every character is hashed as it is: the text is lower-cased already).
 */
function textHash(hash: number, text: string, anyText = false): number | undefined {
  let at = hash;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 65 && code <= 90) code += 32;
    else if (code > 127 && !anyText) return undefined;
    at = Math.imul(at ^ code, FNV_PRIME);
  }
  return at | 0;
}
