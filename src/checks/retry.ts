import pRetry from 'p-retry';
import type { HttpOutcome } from '../core/types.js';
import { isTransient, type HttpClient, type HttpRequest } from './http.js';

class TransientOutcome extends Error {
  constructor(readonly outcome: HttpOutcome) {
    super('transient');
  }
}

export interface RetryPolicy {
  readonly retries: number;
  readonly delayMs: number;
}

/** Sends a request, retrying transient failures with exponential backoff; returns the last outcome. */
export async function sendWithRetry(
  http: HttpClient,
  req: HttpRequest,
  policy: RetryPolicy,
): Promise<{ outcome: HttpOutcome; attempts: number }> {
  let attempts = 0;
  try {
    const outcome = await pRetry(
      async () => {
        attempts++;
        const outcome = await http.send(req);
        if (isTransient(outcome)) throw new TransientOutcome(outcome);
        return outcome;
      },
      {
        retries: policy.retries,
        minTimeout: policy.delayMs,
        factor: 2,
        randomize: true,
        maxTimeout: Math.max(policy.delayMs, 10_000),
        shouldRetry: ({ error }) => error instanceof TransientOutcome,
      },
    );
    return { outcome, attempts };
  } catch (err) {
    if (err instanceof TransientOutcome) return { outcome: err.outcome, attempts };
    throw err;
  }
}
