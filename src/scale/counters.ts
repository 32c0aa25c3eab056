import type { LoadRequestCounts } from '../checks/load/types.js';

/**
 * The load counters that add up, and the arithmetic on them: one implementation for a request's
 * run (checks/load/run.ts), the merge of workers and shards (shards.ts) and of gate samples (samples.ts).
 */
/** The counters a run adds up: the counting fields of a request's result (its zod schema), mutable while counting. */
type Counted = Pick<LoadRequestCounts, 'responses' | 'non2xx' | 'socketErrors' | 'timeouts' | 'mismatches' | 'statusCodes' | 'dropped' | 'firstError'>;
export type Counters = { -readonly [K in keyof Counted]: Counted[K] };

export const zeroCounters = (): Counters => ({ responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} });

/** Σ f over a list. */
export function sumOf<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((a, t) => a + f(t), 0);
}

/** Status code → count, summed over the list. */
export function mergeStatusCodes(list: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const codes of list) for (const [k, v] of Object.entries(codes)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** The counters summed, the status codes merged, and the first error of the list kept. */
export function addCounters(list: readonly Readonly<Counters>[]): Counters {
  const firstError = list.find((c) => c.firstError)?.firstError;
  const dropped = sumOf(list, (c) => c.dropped ?? 0);
  return {
    responses: sumOf(list, (c) => c.responses),
    non2xx: sumOf(list, (c) => c.non2xx),
    socketErrors: sumOf(list, (c) => c.socketErrors),
    timeouts: sumOf(list, (c) => c.timeouts),
    mismatches: sumOf(list, (c) => c.mismatches),
    statusCodes: mergeStatusCodes(list.map((c) => c.statusCodes)),
    ...(list.some((c) => c.dropped !== undefined) ? { dropped } : {}),
    ...(firstError ? { firstError } : {}),
  };
}

/** Requests: the responses, plus the requests that got none (socket errors, timeouts, and the open model's dropped ones). */
export function requestsOf(c: Readonly<Counters>): number {
  return c.responses + c.socketErrors + c.timeouts + (c.dropped ?? 0);
}

/** Failed requests: non-2xx, socket errors, timeouts, 2xx body mismatches, and requests dropped because they could not start on time. */
export function failedOf(c: Readonly<Counters>): number {
  return c.non2xx + c.socketErrors + c.timeouts + c.mismatches + (c.dropped ?? 0);
}

/**
 * Failed ÷ requests as a fraction, never above 1. With no requests: 1 (nothing answered), or 0 when
 * the slice was idle (its share of the rate or amount was 0: it sent nothing on purpose).
 */
export function errorRate(failed: number, requests: number, idle = false): number {
  return requests === 0 ? (idle ? 0 : 1) : Math.min(1, failed / requests);
}

/** Responses per second over `elapsedMs`, to one decimal; 0 when no time passed. */
export function requestsPerSecond(responses: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((responses / elapsedMs) * 1000 * 10) / 10 : 0;
}
