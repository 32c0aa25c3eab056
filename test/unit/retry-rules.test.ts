import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/http/client.js';
import { retryDecision } from '../../src/http/retry.js';
import type { FailureClass, HttpOutcome } from '../../src/core/types.js';

const err = (cls: FailureClass): HttpOutcome => ({ kind: 'error', class: cls, message: cls, latencyMs: 1 });
const res = (status: number, retryAfterMs?: number): HttpOutcome => ({ kind: 'response', status, latencyMs: 1, body: Buffer.alloc(0), truncated: false, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

describe('retryDecision: never replay a non-idempotent request', () => {
  it.each(([
    // outcome, method, idempotent, retried?
    ['refused', err('refused'), 'POST', false, true],
    ['dns', err('dns'), 'PATCH', false, true],
    ['timeout', err('timeout'), 'POST', false, false],
    ['reset after send', err('reset'), 'POST', false, false],
    ['reset after send', err('reset'), 'PATCH', false, false],
    ['timeout', err('timeout'), 'GET', true, true],
    ['reset', err('reset'), 'PUT', true, true],
    ['reset', err('reset'), 'DELETE', true, true],
    ['HTTP 500', res(500), 'POST', false, false],
    ['HTTP 502', res(502), 'GET', true, true],
    ['HTTP 503', res(503), 'POST', false, true],
    ['HTTP 429', res(429), 'PATCH', false, true],
    ['tls', err('tls'), 'GET', true, false],
    ['redirect', err('redirect'), 'GET', true, false],
    ['HTTP 404', res(404), 'GET', true, false],
  ] as const).map(([name, outcome, method, idempotent, retried]) => [name, method, idempotent, retried, outcome] as const))('%s on %s (idempotent %s) → retried %s', (_name, method, idempotent, retried, outcome) => {
    expect(retryDecision(outcome, method, idempotent, 5000).retry).toBe(retried);
  });

  it('says why a POST is not replayed', () => {
    expect(retryDecision(err('timeout'), 'POST', false)).toEqual({ retry: false, reason: 'not retried: POST is not idempotent and the request may have reached the server (timeout)' });
  });

  it('honours Retry-After up to the timeout; a longer wait fails with the reason', () => {
    expect(retryDecision(res(503, 2000), 'GET', true, 5000)).toEqual({ retry: true, waitMs: 2000 });
    expect(retryDecision(res(429, 120_000), 'GET', true, 5000)).toEqual({
      retry: false,
      reason: 'the server asked to retry after 120.0 s (Retry-After), longer than the timeout of 5 s',
    });
  });

  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Sun, 29 Nov 2026 03:00:10 GMT', 10_000],
    ['soon', undefined],
    [undefined, undefined],
  ] as const)('Retry-After %j → %s ms', (header, ms) => {
    expect(parseRetryAfter(header, new Date('2026-11-29T03:00:00Z'))).toBe(ms);
  });
});
