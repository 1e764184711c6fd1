import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../../schemas/collections.js';
import { lookup } from '../../model/backlog.js';
import { entityLabel, type Entity } from '../../model/entity.js';
import { referencesOf, resolveReference } from '../../model/references.js';
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
  for (const collection of COLLECTION_NAMES) {
    for (const entity of backlog.entities[collection] as Entity[]) {
      for (const reference of referencesOf(entity)) {
        const resolved = resolveReference(backlog, reference.target, reference.value);
        if (resolved.status !== 'unknown') continue;
        const kind = COLLECTIONS[resolved.collection].kind;
        let hint = didYouMeanHint(resolved.id, idsOf(resolved.collection));
        // A bare id in a typed field means a workload; say so when it names a server instead.
        if (!hint && reference.target === 'typed' && !reference.value.includes(':') && lookup(backlog, 'servers', reference.value)) {
          hint = `\`${reference.value}\` is a server: write \`server:${reference.value}\``;
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
      }
    }
  }
};
