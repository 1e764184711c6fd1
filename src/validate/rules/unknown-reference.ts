import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../../schemas/collections.js';
import { lookup } from '../../model/backlog.js';
import { entityLabel, type Entity } from '../../model/entity.js';
import type { ReferenceTarget } from '../../../schemas/references.js';
import { forEachReference, ReferenceOccurrence, referencedEntity, resolveReference } from '../../model/references.js';
import { didYouMeanHint } from '../../text/did-you-mean.js';
import { joinAnd } from '../../text/list.js';
import type { Rule } from './rule.js';

/** UNKNOWN_REFERENCE: a reference to no entity. */
export const unknownReference: Rule = ({ backlog, report, unreadableFiles }) => {
  const idLists = new Map<string, string[]>();
  const idsOf = (collection: CollectionName) => {
    let ids = idLists.get(collection);
    if (!ids) idLists.set(collection, (ids = [...backlog.byKey[collection].values()].map((e) => e.id)));
    return ids;
  };
  // A missing id is often named many times (the servers and edges of a renamed workload), and
  // each search compares it with every id of its collection.
  const closest = new Map<string, string | undefined>();
  const closestOf = (collection: CollectionName, id: string) => {
    const key = `${collection}\0${id}`;
    if (!closest.has(key)) closest.set(key, didYouMeanHint(id, idsOf(collection)));
    return closest.get(key);
  };
  let entity: Entity;
  // One visitor for every entity (a closure made per entity would be 160,000 at L).
  const visit = (field: string, target: ReferenceTarget, value: string, index: number | undefined) => {
    // Nearly every reference names an entity: found without making anything.
    if (referencedEntity(backlog, target, value)) return;
    const reference = new ReferenceOccurrence(entity, field, target, value, index);
    const resolved = resolveReference(backlog, reference.target, reference.value);
    if (resolved.status !== 'unknown') return;
    const kind = COLLECTIONS[resolved.collection].kind;
    let hint = closestOf(resolved.collection, resolved.id);
    // A typed reference to the wrong kind: say which kind has that id.
    if (reference.target === 'typed') {
      const other = resolved.collection === 'workloads' ? 'servers' : 'workloads';
      if (lookup(backlog, other, resolved.id)) {
        hint = other === 'servers' ? `\`${resolved.id}\` is a server: write \`server:${resolved.id}\`` : `\`${resolved.id}\` is a workload: write \`${resolved.id}\``;
      }
    }
    if (!hint && unreadableFiles.length > 0) {
      hint = `it may be defined where the backlog could not be read: ${joinAnd(unreadableFiles, 3)}`;
    }
    report({
      code: 'UNKNOWN_REFERENCE',
      message: `\`${reference.field}\` names ${kind} \`${resolved.id}\`, which does not exist`,
      place: reference.location,
      entity: entityLabel(entity),
      ...(hint ? { hint } : {}),
    });
  };
  for (const collection of COLLECTION_NAMES) {
    for (entity of backlog.entities[collection] as Entity[]) forEachReference(entity, visit);
  }
};
