// A backlog kept up to date file by file: a file's entities replaced, or taken out, as a commit
// after another changes it, at a cost of what changed rather than of the whole backlog. Each key
// keeps its entities in file order, and the first of them is the one `byKey` holds, as a load
// of the files in their order would have it. The collections' lists are made when asked for.
import type { CollectionName } from '../../schemas/collections.js';
import { COLLECTION_NAMES } from '../../schemas/vocabulary.js';
import type { Backlog, EntitiesByCollection } from './backlog.js';
import type { Entity } from './entity.js';
import { defineLazy } from './lazy.js';

/** An entity where a load meets it: in its file, at its place among the file's entities. */
interface Placed {
  path: string;
  at: number;
  entity: Entity;
}

/** Told when the entity `byKey` holds for a key changes: `was` leaves it, `now` takes it (none when the key comes or goes). */
export type FirstChanged = (was: Entity | undefined, now: Entity | undefined) => void;

export class BacklogByFile {
  private readonly files = new Map<string, readonly Entity[]>();
  private readonly placed = new Map<CollectionName, Map<string, Placed[]>>(COLLECTION_NAMES.map((name) => [name, new Map()]));
  private readonly first = Object.fromEntries(COLLECTION_NAMES.map((name) => [name, new Map()])) as unknown as Backlog['byKey'];

  /** `firstChanged`: for figures kept up to date with the model, at a cost of what changed. */
  constructor(private readonly firstChanged: FirstChanged = () => {}) {}

  /** The entities of the file at `path` now; none takes it out. */
  set(path: string, entities: readonly Entity[] | undefined): void {
    const before = this.files.get(path);
    if (before === entities) return;
    for (const entity of before ?? []) this.remove(path, entity);
    if (entities === undefined) this.files.delete(path);
    else this.files.set(path, entities);
    entities?.forEach((entity, at) => this.insert({ path, at, entity }));
  }

  /** The paths of the files held. */
  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  /**
   * The backlog as it stands, without a project: its indexes are the ones kept here (valid
   * until the next change, and not in file order), its lists made in file order when asked for.
   */
  backlog(): Backlog {
    const ordered = [...this.files.keys()].sort(byPath);
    const listOf = (name: CollectionName, repeated: boolean) => ordered.flatMap((path) => (this.files.get(path) ?? []).filter((entity) => entity.collection === name && (!repeated || this.first[name].get(entity.key) !== entity)));
    const entities = {} as EntitiesByCollection;
    const repeated = {} as EntitiesByCollection;
    for (const name of COLLECTION_NAMES) {
      defineLazy(entities, name, () => listOf(name, false) as never);
      defineLazy(repeated, name, () => listOf(name, true) as never);
    }
    return { project: undefined, projectLocation: undefined, entities, byKey: this.first, repeated };
  }

  private insert(placed: Placed): void {
    const { collection, key } = placed.entity;
    const byKey = this.placed.get(collection)!;
    const list = byKey.get(key);
    if (!list) {
      byKey.set(key, [placed]);
      (this.first[collection] as Map<string, Entity>).set(key, placed.entity);
      this.firstChanged(undefined, placed.entity);
      return;
    }
    let i = list.length;
    while (i > 0 && before(placed, list[i - 1]!)) i--;
    list.splice(i, 0, placed);
    if (i === 0) {
      (this.first[collection] as Map<string, Entity>).set(key, placed.entity);
      this.firstChanged(list[1]!.entity, placed.entity);
    }
  }

  private remove(path: string, entity: Entity): void {
    const byKey = this.placed.get(entity.collection)!;
    const list = byKey.get(entity.key)!;
    const i = list.findIndex((placed) => placed.path === path && placed.entity === entity);
    list.splice(i, 1);
    const first = this.first[entity.collection] as Map<string, Entity>;
    if (list.length === 0) {
      byKey.delete(entity.key);
      first.delete(entity.key);
      this.firstChanged(entity, undefined);
    } else if (i === 0) {
      first.set(entity.key, list[0]!.entity);
      this.firstChanged(entity, list[0]!.entity);
    }
  }
}

/** The order of a load: by path in UTF-16 code units, then by place in the file. */
function before(a: Placed, b: Placed): boolean {
  return a.path === b.path ? a.at < b.at : byPath(a.path, b.path) < 0;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
