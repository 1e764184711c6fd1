// A backlog with a few files' entities put in place of the ones they had: the other files'
// entities are the very objects of the backlog before, and stay in their places. An edit of a
// few files builds the model after it at the cost of copying the lists, not of reading the files.
import type { CollectionName } from '../../schemas/collections.js';
import { lazyBacklog, type Backlog } from './backlog.js';
import type { Entity } from './entity.js';

/**
 * `before` with the entities of each file of `swapped` replaced by the ones given, in file
 * order: `fileOrder` gives a file's place among the backlog's files (every file of `before`
 * and of `swapped` has one). The project stays the one of `before`.
 */
export function backlogWithFilesSwapped(before: Backlog, swapped: ReadonlyMap<string, readonly Entity[]>, fileOrder: (path: string) => number): Backlog {
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
  return lazyBacklog(collection, project);
}
