import { COLLECTION_NAMES, COLLECTIONS } from '../../../schemas/collections.js';
import { type Entity, entityLabel, fieldLocation, locationOf } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** DUPLICATE_ID: two entities of one collection share an id; also two metrics of one outcome. */
export const duplicateId: Rule = ({ backlog, report }) => {
  for (const collection of COLLECTION_NAMES) {
    for (const entity of backlog.repeated[collection] as Entity[]) {
      const first = backlog.byKey[collection].get(entity.key) as Entity;
      const kind = COLLECTIONS[collection].kind;
      const message =
        collection === 'dependencies' && entity.data.id === undefined
          ? `this dependency repeats \`${first.id}\`, written before in ${first.file}`
          : `${kind} \`${entity.id}\` has the same id as ${kind} \`${first.id}\` in ${first.file} (ids ignore case)`;
      report({
        code: 'DUPLICATE_ID',
        message,
        place: idPlace(entity),
        related: [idPlace(first)],
        entity: entityLabel(entity),
      });
    }
  }
  for (const outcome of backlog.entities.outcomes) {
    const seen = new Map<string, number>();
    (outcome.data.metrics ?? []).forEach((metric, index) => {
      const key = metric.id.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      report({
        code: 'DUPLICATE_ID',
        message: `metric \`${metric.id}\` appears twice in outcome \`${outcome.id}\``,
        place: { ...fieldLocation(outcome, 'metrics', index, 'id') },
        related: [fieldLocation(outcome, 'metrics', first, 'id')],
        entity: entityLabel(outcome),
      });
    });
  }
};

function idPlace(entity: Entity) {
  return entity.data.id === undefined ? locationOf(entity) : fieldLocation(entity, 'id');
}
