import { gateMarker } from './render.js';
import type { RepoRef } from '../github/branch-file.js';
import { statusOf, type Octokit } from '../github/octokit.js';
import { GitHubUnavailable } from '../github/unavailable.js';

/**
 * The one gate comment on a pull request: found by its hidden marker and edited in place. A token
 * that may not comment (a fork's pull request) is GitHubUnavailable, not a failure.
 */
export async function upsertGateComment(octokit: Octokit, repo: RepoRef, pr: number, environment: string, body: string): Promise<{ id: number; created: boolean }> {
  try {
    const marker = gateMarker(environment);
    const self = await ownLogin(octokit);
    for (let page = 1; page <= 20; page++) {
      const res = await octokit.rest.issues.listComments({ ...repo, issue_number: pr, per_page: 100, page });
      // Anyone can post a comment carrying the marker: only the token's own comment is ours to edit.
      const mine = res.data.find((c) => c.user?.login === self && c.body?.includes(marker));
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

/** The login a GITHUB_TOKEN comments as (GitHub answers it 403 on GET /user). */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Who the token comments as. A personal access token reads its own login from GET /user; a
 * GITHUB_TOKEN (an installation token) is refused there with 403 and always comments as
 * github-actions[bot].
 */
export async function ownLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 404) return ACTIONS_BOT;
    throw err;
  }
}
