import type { EnvironmentConfig } from '../../config/schema.js';
import type { ProbeConfig } from './schema.js';
import { checkAssertion } from './assertions.js';
import type { AssertionResult, ProbeResult } from './types.js';
import type { Redactor } from '../../report/redact.js';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../core/json-path.js';
import type { HttpClient } from '../../http/client.js';
import { sendWithRetry } from '../../http/retry.js';
import { encodeBody, headerValues, joinUrl } from '../../http/target.js';

/** Runs every health probe of an environment concurrently. */
/** What a probe redacts in the body before it cuts excerpts from it: a cut secret would no longer be recognised later. */
export type BodyRedactor = Pick<Redactor, 'text' | 'value'>;
const NO_REDACTION: BodyRedactor = { text: (t) => t, value: (v) => v };

export async function runHealth(config: EnvironmentConfig, baseUrl: string, http: HttpClient, redactor: BodyRedactor = NO_REDACTION): Promise<ProbeResult[]> {
  return Promise.all((config.health ?? []).map((p) => runProbe(p, config, baseUrl, http, redactor)));
}

export async function runProbe(
  probe: ProbeConfig,
  config: EnvironmentConfig,
  baseUrl: string,
  http: HttpClient,
  redactor: BodyRedactor = NO_REDACTION,
): Promise<ProbeResult> {
  const url = joinUrl(baseUrl, probe.path);
  const headers = headerValues(config.headers, probe.headers);
  const body = encodeBody(probe.body, headers);
  const { outcome, attempts, note } = await sendWithRetry(
    http,
    { url, method: probe.method, headers, body, timeoutMs: probe.timeout, maxBodyBytes: probe['max-body-bytes'], allowInsecureRedirect: probe['allow-insecure-redirect'] },
    { retries: probe.retries, delayMs: probe['retry-delay'], ...(probe.idempotent !== undefined ? { idempotent: probe.idempotent } : {}), maxRetryAfterMs: probe.timeout },
  );
  const why = note ? `; ${note}` : '';
  const base = { name: probe.name, method: probe.method, url, attempts, latencyBudgetMs: probe['latency-budget'] };
  if (outcome.kind === 'error') {
    return { ...base, latencyMs: outcome.latencyMs, failure: { class: outcome.class, message: `${outcome.message}${why}` }, assertions: [] };
  }
  const withStatus = { ...base, status: outcome.status, latencyMs: outcome.latencyMs };
  if (!statusMatches(outcome.status, probe.expect.status)) {
    return {
      ...withStatus,
      failure: { class: 'status', message: `HTTP ${outcome.status}, expected ${describeStatus(probe.expect.status)}${why}` },
      assertions: [],
    };
  }
  if (probe.expect.body.length === 0) return { ...withStatus, assertions: [] };
  if (outcome.truncated) {
    return {
      ...withStatus,
      failure: { class: 'body', message: `the body is larger than ${probe['max-body-bytes']} bytes (max-body-bytes)` },
      assertions: [],
    };
  }
  let json: unknown;
  try {
    json = redactor.value(JSON.parse(outcome.body.toString('utf8')) as unknown);
  } catch {
    // Redacted before it is cut: a secret cut in half would no longer be recognised.
    const head = redactor.text(outcome.body.toString('utf8', 0, 4096)).slice(0, 40).replace(/\s+/g, ' ');
    return { ...withStatus, failure: { class: 'body', message: `the body is not JSON (starts with ${JSON.stringify(head)})` }, assertions: [] };
  }
  if (nestedDeeperThan(json, MAX_JSON_DEPTH)) {
    return { ...withStatus, failure: { class: 'body', message: `the body is too deeply nested (more than ${MAX_JSON_DEPTH} levels), so it was not read` }, assertions: [] };
  }
  const assertions: AssertionResult[] = probe.expect.body.map((a) => checkAssertion(json, a));
  const failed = assertions.filter((a) => !a.ok);
  if (failed.length === 0) return { ...withStatus, assertions };
  return {
    ...withStatus,
    assertions,
    failure: {
      class: 'body',
      message: failed.map((a) => `${a.path}: expected ${a.expected}, found ${a.found}`).join('; '),
    },
  };
}

export function statusMatches(status: number, expected: ProbeConfig['expect']['status']): boolean {
  if (expected === '2xx') return status >= 200 && status < 300;
  if (typeof expected === 'number') return status === expected;
  return expected.includes(status);
}

function describeStatus(expected: ProbeConfig['expect']['status']): string {
  if (expected === '2xx') return '2xx';
  if (typeof expected === 'number') return String(expected);
  return expected.join(' or ');
}
