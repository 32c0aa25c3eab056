import pRetry from 'p-retry';
import { formatMs } from '../config/duration.js';
import type { HttpOutcome } from '../core/types.js';
import { isTransient, neverSent, type HttpClient, type HttpRequest } from './client.js';

class TransientOutcome extends Error {
  constructor(
    readonly outcome: HttpOutcome,
    readonly waitMs: number,
  ) {
    super('transient');
  }
}

export interface RetryPolicy {
  readonly retries: number;
  readonly delayMs: number;
  /** May the request be sent again after it may have reached the server? Default: by its method. */
  readonly idempotent?: boolean;
  /** The longest `Retry-After` honoured (the probe's timeout); a longer one fails at once. Default: no limit. */
  readonly maxRetryAfterMs?: number;
}

/** Methods that may be replayed: sending them twice has the effect of sending them once. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export type RetryDecision = { readonly retry: true; readonly waitMs: number } | { readonly retry: false; readonly reason?: string };

/**
 * Whether to try again after one attempt's outcome. Pure.
 * - A request that never left (DNS, refused) is retried whatever its method.
 * - 429 and 503 say the server did not act on it: retried, after `Retry-After` when given, if that
 *   fits in the timeout; a longer wait fails the probe with the reason.
 * - A timeout, a reset or another 5xx may come after the server acted: retried only when idempotent.
 * - TLS and redirect failures, and every other answer, are final.
 */
export function retryDecision(outcome: HttpOutcome, method: string, idempotent: boolean, maxRetryAfterMs = Infinity): RetryDecision {
  if (!isTransient(outcome)) return { retry: false };
  if (neverSent(outcome)) return { retry: true, waitMs: 0 };
  if (outcome.kind === 'response' && (outcome.status === 429 || outcome.status === 503)) {
    const wait = outcome.retryAfterMs ?? 0;
    if (wait > maxRetryAfterMs) {
      return { retry: false, reason: `the server asked to retry after ${formatMs(wait)} (Retry-After), longer than the timeout of ${formatMs(maxRetryAfterMs)}` };
    }
    return { retry: true, waitMs: wait };
  }
  if (idempotent) return { retry: true, waitMs: 0 };
  const what = outcome.kind === 'error' ? outcome.class : `HTTP ${outcome.status}`;
  return { retry: false, reason: `not retried: ${method} is not idempotent and the request may have reached the server (${what})` };
}

/**
 * Sends a request, retrying transient failures with exponential backoff (p-retry) under the rules of
 * retryDecision; returns the last outcome, the number of attempts and why it stopped early, if it did.
 */
export async function sendWithRetry(
  http: HttpClient,
  req: HttpRequest,
  policy: RetryPolicy,
): Promise<{ outcome: HttpOutcome; attempts: number; note?: string }> {
  const idempotent = policy.idempotent ?? IDEMPOTENT_METHODS.has(req.method.toUpperCase());
  let attempts = 0;
  let note: string | undefined;
  try {
    const outcome = await pRetry(
      async () => {
        attempts++;
        const outcome = await http.send(req);
        const d = retryDecision(outcome, req.method, idempotent, policy.maxRetryAfterMs);
        if (d.retry) throw new TransientOutcome(outcome, d.waitMs);
        if (d.reason && attempts <= policy.retries) note = d.reason;
        return outcome;
      },
      {
        retries: policy.retries,
        minTimeout: policy.delayMs,
        factor: 2,
        randomize: true,
        maxTimeout: Math.max(policy.delayMs, 10_000),
        shouldRetry: ({ error }) => error instanceof TransientOutcome,
        // The server's Retry-After first (bounded by the timeout), then the usual backoff.
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (error instanceof TransientOutcome && error.waitMs > 0 && retriesLeft > 0) await new Promise((r) => setTimeout(r, error.waitMs));
        },
      },
    );
    return { outcome, attempts, ...(note ? { note } : {}) };
  } catch (err) {
    if (err instanceof TransientOutcome) return { outcome: err.outcome, attempts };
    throw err;
  }
}
