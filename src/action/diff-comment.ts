// The pull request's `backlog diff` comment: one per pull request, found again by the marker it
// starts with and updated on later pushes, across every page of comments. A pull request that
// does not change the backlog gets no comment, but one posted earlier is updated to say so.
import { DIFF_MARKER } from '../format/diff/markdown.js';

export interface IssueComment {
  id: number;
  body?: string | null;
}

/** The comments of one pull request, as the GitHub API gives them. */
export interface PullRequestComments {
  /** The comments, a page at a time, oldest first, for as long as the caller reads. */
  pages(): AsyncIterable<readonly IssueComment[]>;
  create(body: string): Promise<void>;
  update(id: number, body: string): Promise<void>;
}

export type CommentOutcome = 'created' | 'updated' | 'up to date' | 'not needed';

/** Posts or updates the comment; `changed`: whether the pull request changes the backlog. */
export async function upsertDiffComment(comments: PullRequestComments, body: string, changed: boolean): Promise<CommentOutcome> {
  const existing = await findOwnComment(comments);
  if (existing === undefined) {
    if (!changed) return 'not needed';
    await comments.create(body);
    return 'created';
  }
  if (existing.body === body) return 'up to date';
  await comments.update(existing.id, body);
  return 'updated';
}

async function findOwnComment(comments: PullRequestComments): Promise<IssueComment | undefined> {
  for await (const page of comments.pages()) {
    const found = page.find((comment) => comment.body?.startsWith(DIFF_MARKER));
    if (found) return found;
  }
  return undefined;
}
