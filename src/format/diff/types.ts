import type { ChalkInstance } from 'chalk';
import type { Review } from '../../diff/review.js';

/** The two sides a review compares. */
interface DiffHeader {
  base: string;
  /** A commit, or WORKTREE for the working tree. */
  head: string;
}

/** A review as the text of one format; only the terminal's uses the style. */
export type DiffFormatter = (review: Review, header: DiffHeader, style: ChalkInstance) => string;
