import { entityLabel, fieldLocation, type Entity } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** DUPLICATE_RANK: two priorities share a rank, or two waves an order. */
export const duplicateRank: Rule = ({ backlog, report }) => {
  const check = <E extends Entity>(entities: E[], field: string, value: (entity: E) => number | undefined, noun: string) => {
    const first = new Map<number, E>();
    for (const entity of entities) {
      // A repeated entity is DUPLICATE_ID already.
      if (backlog.byKey[entity.collection].get(entity.key) !== entity) continue;
      const number = value(entity);
      if (number === undefined) continue;
      const earlier = first.get(number);
      if (!earlier) {
        first.set(number, entity);
        continue;
      }
      report({
        code: 'DUPLICATE_RANK',
        message: `${noun} \`${entity.id}\` has ${field} ${number}, like \`${earlier.id}\``,
        place: fieldLocation(entity, field),
        related: [fieldLocation(earlier, field)],
        entity: entityLabel(entity),
      });
    }
  };
  check(backlog.entities.priorities, 'rank', (p) => p.data.rank, 'priority');
  check(backlog.entities.waves, 'order', (w) => w.data.order, 'wave');
};
