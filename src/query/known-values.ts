// A filter value no entity could match is a typo, not a question with no answer: a value
// outside the field's enumeration, or an id no entity of the collection has, is a usage error.
import { COLLECTION_KINDS, type CollectionName } from '../../schemas/vocabulary.js';
import { UsageError } from '../errors.js';
import type { Backlog } from '../model/backlog.js';
import { didYouMeanHint, valueHint } from '../text/did-you-mean.js';
import { joinAnd, withArticle } from '../text/list.js';
import type { Column } from './columns.js';
import type { Condition } from './where.js';

export function checkKnownValues(condition: Condition, column: Column, collection: CollectionName, backlog: Backlog): void {
  const { field, operator, values } = condition;
  if (operator !== '=' && operator !== '!=' && operator !== '~') return;
  const option = `--where ${field}${operator}${values.join(',')}`;
  for (const value of values) {
    if (value === '') continue;
    const wanted = value.toLowerCase();
    if (column.values) {
      const options = column.values;
      if (operator === '~') {
        if (!options.some((option) => option.toLowerCase().includes(wanted))) {
          throw new UsageError(`${option}: no ${field} of ${collection} contains \`${value}\``, `the values are ${joinAnd(options)}`);
        }
      } else if (!options.some((option) => option.toLowerCase() === wanted)) {
        throw new UsageError(`${option}: \`${value}\` is not ${withArticle(field)} of ${collection}`, valueHint(value, options) ?? `the values are ${joinAnd(options)}`);
      }
    } else if (column.refersTo && operator !== '~') {
      const ids = backlog.byKey[column.refersTo] as ReadonlyMap<string, { id: string }>;
      if (!ids.has(wanted)) {
        const kind = COLLECTION_KINDS[column.refersTo];
        throw new UsageError(`${option}: there is no ${kind} \`${value}\``, didYouMeanHint(value, [...ids.values()].map((entity) => entity.id)));
      }
    }
  }
}
