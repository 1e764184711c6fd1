// `backlog diff [BASE] [HEAD]`: what a change means for the backlog, for a terminal, a pull
// request comment or a machine.
import { review } from '../../diff/review.js';
import { UsageError } from '../../errors.js';
import type { DiffFormat } from '../../format/diff/formats.js';
import { DIFF_FORMATTERS } from '../../format/diff/index.js';
import { defaultBase, resolveCommit, resolveCommits, resolveRange, withRepository, WORKTREE, type Repository } from '../../git/repository.js';
import { backlogRoot } from '../backlog-root.js';
import { resolveAsOf } from '../as-of.js';
import { colourEnabled, createStyle } from '../colour.js';
import type { CliIO } from '../io.js';
import { reviewSidesAt, type CheckedSide } from '../../git/review-sides.js';
import { cacheOf } from '../caching.js';
import { writeOutput } from '../write-output.js';

export interface DiffOptions {
  root?: string;
  format: DiffFormat;
  exitCode?: boolean;
  asOf?: string;
  color?: boolean;
}

/** The sides named by two refs (both asked of git at once), by one (the working tree for head), or none. */
async function commitsGiven(repository: Repository, baseRef: string | undefined, headRef: string | undefined, io: CliIO): Promise<{ base: string; head: string }> {
  if (baseRef !== undefined && headRef !== undefined) {
    // An unknown head is told first.
    const [head, base] = (await resolveCommits(repository, [headRef, baseRef])) as [string, string];
    return { base, head };
  }
  const head = headRef === undefined ? WORKTREE : await resolveCommit(repository, headRef);
  const base = baseRef === undefined ? await defaultBase(repository, head === WORKTREE ? 'HEAD' : head, io.env) : await resolveCommit(repository, baseRef);
  return { base, head };
}

export async function runDiff(baseRef: string | undefined, headRef: string | undefined, options: DiffOptions, io: CliIO): Promise<number> {
  const asOf = resolveAsOf(options.asOf, io.env);
  const root = await backlogRoot(io, options.root);
  const { changes, base, head } = await withRepository(root, async (repository) => {
    if (baseRef?.includes('..') && headRef !== undefined) throw new UsageError(`a range (${baseRef}) names both sides already: give it alone, or two commits`);
    const range = baseRef !== undefined ? await resolveRange(repository, baseRef) : undefined;
    const { head, base } = range ?? (await commitsGiven(repository, baseRef, headRef, io));
    const cache = cacheOf(io);
    const [before, after] = (await reviewSidesAt(repository, [base, head], root, { asOf, ...(cache ? { cache } : {}) })) as [CheckedSide, CheckedSide];
    return { changes: review(before, after), base, head };
  });
  const text = DIFF_FORMATTERS[options.format](changes, { base, head }, createStyle(colourEnabled(io, options.color)));
  // The pull-request comment is the job's summary too.
  writeOutput(io, text, { jobSummary: options.format === 'markdown' });
  return options.exitCode && changes.changes.length > 0 ? 1 : 0;
}
