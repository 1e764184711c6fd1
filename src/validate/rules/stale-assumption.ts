import { entityLabel, fieldLocation, inError } from '../../model/entity.js';
import type { Rule } from './rule.js';

/** STALE_ASSUMPTION: an open assumption past its `review_by` date. */
export const staleAssumption: Rule = ({ backlog, asOf, report }) => {
  for (const assumption of backlog.entities.assumptions) {
    const { status, review_by: reviewBy } = assumption.data;
    // ISO dates compare correctly as text.
    if (status !== 'open' || reviewBy === undefined || reviewBy >= asOf || inError(assumption, 'status')) continue;
    report({
      code: 'STALE_ASSUMPTION',
      message: `assumption \`${assumption.id}\` is still open; it was to be reviewed by ${reviewBy}`,
      place: fieldLocation(assumption, 'review_by'),
      entity: entityLabel(assumption),
      hint: 'validate or invalidate it, or set a new `review_by`',
    });
  }
};
