import { gateMarker } from '../report/gate.js';
import type { RepoRef } from './branch-file.js';
import { statusOf, type Octokit } from './octokit.js';
import { GitHubUnavailable } from './unavailable.js';

/**
 * The one gate comment on a pull request: found by its hidden marker and edited in place. A token
 * that may not comment (a fork's pull request) is GitHubUnavailable, not a failure.
 */
export async function upsertGateComment(octokit: Octokit, repo: RepoRef, pr: number, environment: string, body: string): Promise<{ id: number; created: boolean }> {
  try {
    const marker = gateMarker(environment);
    for (let page = 1; page <= 20; page++) {
      const res = await octokit.rest.issues.listComments({ ...repo, issue_number: pr, per_page: 100, page });
      const mine = res.data.find((c) => c.body?.includes(marker));
      if (mine) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
        return { id: mine.id, created: false };
      }
      if (res.data.length < 100) break;
    }
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
    return { id: created.data.id, created: true };
  } catch (err) {
    const status = statusOf(err);
    if (status === 401 || status === 403 || status === 404) {
      throw new GitHubUnavailable(`the token cannot comment on #${pr} (HTTP ${status}; a fork's pull request gets a read-only token)`);
    }
    throw err;
  }
}
