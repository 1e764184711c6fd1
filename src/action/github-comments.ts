// PullRequestComments over the GitHub REST API, through @actions/github's Octokit (which reads
// the API's address from GITHUB_API_URL).
import type { getOctokit } from '@actions/github';
import type { IssueComment, PullRequestComments } from './diff-comment.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface PullRequest {
  owner: string;
  repo: string;
  number: number;
}

export function githubComments(octokit: Octokit, { owner, repo, number }: PullRequest): PullRequestComments {
  return {
    async *pages(): AsyncIterable<readonly IssueComment[]> {
      // Follows the API's Link headers; stops where the caller stops reading.
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) {
        yield page.data;
      }
    },
    async create(body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
    },
    async update(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
  };
}
