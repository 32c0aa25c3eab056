/**
 * GitHub cannot be written (or read) with what this run has: no token, no repository, or a token
 * without the permission (a fork's pull request). The run says so and goes on with its report.
 * Dependency-free, so the action's entry can recognise it without loading Octokit.
 */
export class GitHubUnavailable extends Error {
  override readonly name = 'GitHubUnavailable';
}
