import type { EnvironmentConfig } from '../../config/schema.js';
import type { EndpointReading } from './types.js';
import { parseJsonPrefix } from '../../core/json-prefix.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../core/json-path.js';
import type { HttpClient } from '../../http/client.js';
import { sendWithRetry } from '../../http/retry.js';
import { headerValues, joinUrl } from '../../http/target.js';

const MAX_BODY = 1024 * 1024;

/** Fetches the configured monitoring endpoints (system metrics, usage stats, alerts) concurrently. */
export async function runMetrics(config: EnvironmentConfig, baseUrl: string, http: HttpClient): Promise<EndpointReading[]> {
  const m = config.metrics;
  if (!m) return [];
  const sources = (['system', 'usage', 'alerts'] as const).flatMap((source) => {
    const ep = m[source];
    return ep ? [{ source, ...ep }] : [];
  });
  const headers = headerValues(config.headers);
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
        const failure = { class: 'body' as const, message: `the body is larger than ${MAX_BODY} bytes` };
        // The alerts read before the cap still say how bad it is: a cut-off list is never a pass.
        const json = source === 'alerts' ? parseJsonPrefix(outcome.body.toString('utf8'), MAX_JSON_DEPTH) : undefined;
        return { ...base, status: outcome.status, failure, truncated: true, ...(json !== undefined ? { json } : {}) };
      }
      let json: unknown;
      try {
        json = JSON.parse(outcome.body.toString('utf8'));
      } catch {
        return { ...base, status: outcome.status, failure: { class: 'body', message: 'the body is not valid JSON' } };
      }
      if (nestedDeeperThan(json, MAX_JSON_DEPTH)) {
        return { ...base, status: outcome.status, failure: { class: 'body', message: `the body is too deeply nested (more than ${MAX_JSON_DEPTH} levels), so it was not read` } };
      }
      return { ...base, status: outcome.status, json };
    }),
  );
}
