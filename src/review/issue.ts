import { capBody } from '../core/limits.js';
import type { RepoRef } from '../github/branch-file.js';
import { statusOf, type Octokit } from '../github/octokit.js';

/** The label every weekly review issue carries: the week's issue is found by it and its title. */
export const REVIEW_LABEL = 'launchguard-review';

/**
 * Creates the week's review issue, or updates its body when an issue with the same title and the
 * review label exists (open or closed: a re-run never makes a second one). Found through the list
 * endpoint (never search, whose index lags), newest first, at most 3 pages.
 */
export async function upsertReviewIssue(octokit: Octokit, repo: RepoRef, title: string, body: string): Promise<{ number: number; created: boolean }> {
  const text = capBody(body);
  for (let page = 1; page <= 3; page++) {
    const res = await octokit.rest.issues.listForRepo({ ...repo, labels: REVIEW_LABEL, state: 'all', sort: 'created', direction: 'desc', per_page: 100, page });
    const found = res.data.find((i) => !i.pull_request && i.title === title);
    if (found) {
      await octokit.rest.issues.update({ ...repo, issue_number: found.number, body: text });
      return { number: found.number, created: false };
    }
    if (res.data.length < 100) break;
  }
  try {
    await octokit.rest.issues.createLabel({ ...repo, name: REVIEW_LABEL, color: '0e8a16', description: 'Weekly review written by launchguard' });
  } catch (err) {
    if (statusOf(err) !== 422) throw err; // 422: the label exists
  }
  const created = await octokit.rest.issues.create({ ...repo, title, body: text, labels: [REVIEW_LABEL] });
  return { number: created.data.number, created: true };
}
