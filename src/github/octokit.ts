import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { capBody, clip, GITHUB_TITLE_MAX } from '../core/limits.js';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * Octokit with retries (5xx and network errors; never 4xx) and throttling that honours
 * `retry-after` on primary and secondary rate limits.
 */
export function createOctokit(token: string, baseUrl: string, log: (msg: string) => void, redact: (text: string) => string): Octokit {
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      userAgent: 'launchguard',
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retrying after ${retryAfter} s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying after ${retryAfter} s`);
          return retryCount < 2;
        },
      },
      // 409 and 422 mean the request itself must change (a stale sha): never resend it as it is.
      retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    },
    retry,
    throttling,
  );
  // The boundary where text leaves for GitHub: issue titles and bodies, comments, commit messages.
  // File contents (base64 machine data) are not text and are left as they are.
  octokit.hook.before('request', (options) => {
    const params = options as Record<string, unknown>;
    for (const key of ['title', 'body', 'message']) {
      const v = params[key];
      if (typeof v === 'string') params[key] = redact(v);
    }
    // GitHub refuses longer ones (422): cut, with a pointer to the report, rather than lose the write.
    if (typeof params.body === 'string') params.body = capBody(params.body);
    if (typeof params.title === 'string') params.title = clip(params.title, GITHUB_TITLE_MAX);
  });
  return octokit;
}

/** The HTTP status of an Octokit error, or undefined for a network failure. */
export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}
