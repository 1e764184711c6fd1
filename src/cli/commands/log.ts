// `backlog log REF`: the history of one entity across commits.
import { entityHistory, firstParentCommits } from '../../git/entity-history.js';
import { reviewSidesAt, type CheckedSide } from '../../git/review-sides.js';
import { resolveCommit, shallowHistoryWarning, withRepository } from '../../git/repository.js';
import type { LogFormat } from '../../format/log/formats.js';
import { LOG_FORMATTERS } from '../../format/log/index.js';
import { backlogRoot } from '../backlog-root.js';
import { entityLabel } from '../../model/entity.js';
import { findEntity } from '../../query/show.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { cacheOf } from '../caching.js';
import { writeOutput } from '../write-output.js';

export async function runLog(ref: string, options: { root?: string; format: LogFormat; maxCount: number; color?: boolean }, io: CliIO): Promise<number> {
  const root = await backlogRoot(io, options.root);
  const { entity, history, shallow } = await withRepository(root, async (repository) => {
    const head = await resolveCommit(repository, 'HEAD');
    // git walks the history while the entity is found; a failure is told where it is awaited.
    const commits = firstParentCommits(repository, head);
    const warning = shallowHistoryWarning(repository);
    for (const pending of [commits, warning]) pending.catch(() => undefined);
    const cache = cacheOf(io);
    // HEAD's side of a review: from the cache when HEAD was read before.
    const [side] = (await reviewSidesAt(repository, [head], root, { asOf: resolveAsOf(undefined, io.env), ...(cache ? { cache } : {}) })) as [CheckedSide];
    const entity = findEntity(side, ref);
    const history = await entityHistory(repository, await commits, entity, options.maxCount);
    return { entity, history, shallow: await warning };
  });
  writeOutput(io, LOG_FORMATTERS[options.format](entityLabel(entity), history, createStyle(colourEnabled(io, options.color))));
  if (shallow) io.stderr(shallow);
  return 0;
}
