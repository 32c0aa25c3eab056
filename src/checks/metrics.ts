import type { EnvironmentConfig } from '../config/schema.js';
import type { EndpointReading } from '../core/types.js';
import type { HttpClient } from './http.js';
import { sendWithRetry } from './retry.js';
import { headerValues, joinUrl } from './target.js';

const MAX_BODY = 1024 * 1024;

/** Fetches the configured monitoring endpoints (system metrics, usage stats, alerts) concurrently. */
export async function runMetrics(env: EnvironmentConfig, baseUrl: string, http: HttpClient): Promise<EndpointReading[]> {
  const m = env.metrics;
  if (!m) return [];
  const sources = (['system', 'usage', 'alerts'] as const).flatMap((source) => {
    const ep = m[source];
    return ep ? [{ source, ...ep }] : [];
  });
  const headers = headerValues(env.headers);
  return Promise.all(
    sources.map(async ({ source, path, timeout, retries }): Promise<EndpointReading> => {
      const url = joinUrl(baseUrl, path);
      const { outcome, attempts, note } = await sendWithRetry(
        http,
        { url, method: 'GET', headers: { accept: 'application/json', ...headers }, timeoutMs: timeout, maxBodyBytes: MAX_BODY },
        { retries, delayMs: 500, maxRetryAfterMs: timeout },
      );
      const base = { source, url, attempts, latencyMs: outcome.latencyMs };
      if (outcome.kind === 'error') return { ...base, failure: { class: outcome.class, message: outcome.message } };
      if (outcome.status < 200 || outcome.status >= 300) {
        return { ...base, status: outcome.status, failure: { class: 'status', message: `HTTP ${outcome.status}, expected 2xx${note ? `; ${note}` : ''}` } };
      }
      if (outcome.truncated) {
        return { ...base, status: outcome.status, failure: { class: 'body', message: `the body is larger than ${MAX_BODY} bytes` } };
      }
      try {
        return { ...base, status: outcome.status, json: JSON.parse(outcome.body.toString('utf8')) };
      } catch {
        return { ...base, status: outcome.status, failure: { class: 'body', message: 'the body is not valid JSON' } };
      }
    }),
  );
}
