// A backlog with a few files' entities put in place of the ones they had: the other files'
// entities are the very objects of the backlog before, and stay in their places. An edit of a
// few files builds the model after it at the cost of copying the lists, not of reading the files.
import type { CollectionName } from '../../schemas/collections.js';
import { LazyMap } from './lazy-map.js';
import { entityAtIndex, firstOfEachKey, lazyBacklog, type Backlog } from './backlog.js';
import type { Entity } from './entity.js';

/**
 * `before` with the entities of each file of `swapped` replaced by the ones given, in file
 * order: `fileOrder` gives a file's place among the backlog's files (every file of `before`
 * and of `swapped` has one). The project stays the one of `before`. `idsInPlace`: each file's
 * entities have the collections and ids, in order, that it had; an entity is then found by its
 * id as in `before`, without reading its whole collection.
 */
export function backlogWithFilesSwapped(before: Backlog, swapped: ReadonlyMap<string, readonly Entity[]>, fileOrder: (path: string) => number, idsInPlace = false): Backlog {
  const paths = [...swapped.keys()].sort((a, b) => fileOrder(a) - fileOrder(b));
  // One pass over each list: the entities are in file order, so the swapped files' go in where the first of a later file is.
  const collection = <C extends CollectionName>(name: C): Entity<C>[] => {
    const entities: Entity<C>[] = [];
    let next = 0;
    const addSwappedBefore = (place: number) => {
      for (; next < paths.length && fileOrder(paths[next]!) < place; next++) {
        for (const entity of swapped.get(paths[next]!)!) if (entity.collection === name) entities.push(entity as Entity<C>);
      }
    };
    for (const entity of before.entities[name]) {
      if (swapped.has(entity.file)) continue;
      addSwappedBefore(fileOrder(entity.file));
      entities.push(entity);
    }
    addSwappedBefore(Infinity);
    return entities;
  };
  const project = before.project && before.projectLocation ? { data: before.project, location: before.projectLocation } : undefined;
  // A swapped file's entities of a collection, and the first of each id among them: worked out
  // once, for a file may hold the 50,000 servers an import wrote.
  const owned = new Map<string, { entities: Entity[]; firstOfKey: Map<string, Entity>; start?: number }>();
  const own = (file: string, name: CollectionName) => {
    const key = `${name}\0${file}`;
    let found = owned.get(key);
    if (!found) {
      const entities = swapped.get(file)!.filter((entity) => entity.collection === name);
      owned.set(key, (found = { entities, firstOfKey: new Map(firstOfEachKey(entities)) }));
    }
    return found;
  };
  // The first entity of an id is where it was: the one of its file after, when its file was swapped.
  const keyIndex = (name: CollectionName): Map<string, Entity> =>
    new LazyMap<string, Entity>(
      (key) => {
        const first = before.byKey[name].get(key) as Entity | undefined;
        return first && swapped.has(first.file) ? own(first.file, name).firstOfKey.get(key) : first;
      },
      () => firstOfEachKey(backlog.entities[name] as Entity[]),
    );
  // Every entity is at its index before: the one of its file after, when its file was swapped.
  // A file's entities of a collection are one run of it, for files are added whole, in order.
  const entityAt = <C extends CollectionName>(name: C, index: number): Entity<C> => {
    const was = entityAtIndex(before, name, index);
    if (!swapped.has(was.file)) return was;
    const run = own(was.file, name);
    if (run.start === undefined) {
      let start = index;
      while (start > 0 && entityAtIndex(before, name, start - 1).file === was.file) start--;
      run.start = start;
    }
    return run.entities[index - run.start] as Entity<C>;
  };
  // The run of each swapped file starts at the index of its first entity's id, unless an earlier file has that id too.
  const indexes = (name: CollectionName): number[] | undefined => {
    const swappedIndexes: number[] = [];
    for (const file of swapped.keys()) {
      const { entities } = own(file, name);
      if (entities.length === 0) continue;
      const start = before.indexOfKey?.(name, entities[0]!.key) ?? -1;
      if (start === -1 || entityAtIndex(before, name, start).file !== file) return undefined;
      for (let at = 0; at < entities.length; at++) swappedIndexes.push(start + at);
    }
    return swappedIndexes;
  };
  const backlog: Backlog = idsInPlace ? lazyBacklog(collection, project, keyIndex, { entityAt, swappedFrom: { backlog: before, indexes } }) : lazyBacklog(collection, project);
  return backlog;
}
