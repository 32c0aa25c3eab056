import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import type { headerValueSchema } from '../../config/fields.js';
import type { HttpClient, TlsOptions } from '../../http/client.js';
import { sendWithRetry } from '../../http/retry.js';
import { encodeBody, headerValues, joinUrl } from '../../http/target.js';
import type { Clock } from '../../ports.js';
import { addCounters, errorRate, failedOf, requestsOf, requestsPerSecond, zeroCounters, type Counters } from '../../scale/counters.js';
import { createHistogram, encodeHistogram, failedLatencyOf, mergeHistograms, summarize, type Histogram } from '../../scale/histogram.js';
import { share } from '../../scale/shard-spec.js';
import { runWithWorkers } from '../../scale/workers.js';
import { runOne, type OneRun } from './autocannon.js';
import { runOpenLoad } from './open-run.js';
import { isOpenModel, type LoadConfig, type LoadRequestConfig } from './schema.js';
import type { LoadRequestResult, LoadResult } from './types.js';

/** The requests a load config sends: its `requests`, or one GET of the target URL. */
export function loadRequestsOf(load: LoadConfig): LoadRequestConfig[] {
  return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}

type HeaderValue = z.infer<typeof headerValueSchema>;

export interface LoadTarget {
  readonly baseUrl: string;
  readonly headers?: Readonly<Record<string, HeaderValue>>;
  /** The environment's TLS settings (`tls:`): the open model checks an https target's certificate as they say. */
  readonly tls?: TlsOptions;
}

/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
export async function runLoad(load: LoadConfig, target: LoadTarget, clock: Clock, now: () => Date, http?: HttpClient): Promise<LoadResult> {
  if (isOpenModel(load)) return runOpenLoad(load, target, clock, now, http);
  const requests = loadRequestsOf(load);
  const n = requests.length;
  const runs: OneRun[] = requests.map((r, i) => {
    const headers = headerValues(target.headers, r.headers);
    const body = encodeBody(r.body, headers);
    return {
      url: joinUrl(target.baseUrl, r.path),
      method: r.method,
      headers,
      body,
      connections: Math.max(1, share(load.connections, n, i)),
      durationMs: load.duration,
      // No floor: the sum of the slices never exceeds the configured cap; a slice of 0 sends nothing.
      amount: load.amount !== undefined ? share(load.amount, n, i) : undefined,
      rate: load.rate !== undefined ? share(load.rate, n, i) : undefined,
      timeoutMs: load.timeout,
      expectBodyContains: r['expect-body-contains'],
    };
  });

  const live = runs.map((r) => r.amount !== 0 && r.rate !== 0);
  const idleReason = (r: OneRun) =>
    `sends nothing: its share of the ${r.rate === 0 ? `rate (${load.rate}/s)` : `amount (${load.amount})`} is 0, because the cap is split into more slices than it has requests; the sum of the slices never exceeds the cap`;
  const idleNotes = runs.flatMap((r, i) => (live[i] ? [] : [`load: ${requests[i]!.name} ${idleReason(r)}`]));
  const fromIntended = load.rate !== undefined;
  if (!live.some(Boolean)) {
    const startedAt = now().toISOString();
    const results = runs.map((r, i) => toResult(requests[i]!.name, r, { ...zeroCounters(), elapsedMs: 0 }, createHistogram(), startedAt, fromIntended, undefined, idleReason(r)));
    return { ...shape(load), requests: results, overall: { ...results[0]!, name: 'all' }, notes: idleNotes };
  }

  // One plain request first: a target that cannot be reached is reported at once, not hammered for
  // the whole duration. The caps count it: with `amount` there is none (the amount itself bounds
  // what a dead target receives), and under `rate` the load starts one interval after it, so no
  // second ever holds more than the rate.
  if (http && load.amount === undefined) {
    const unreachable = await preflight(load, runs.filter((_, i) => live[i]), requests.filter((_, i) => live[i]), http, now);
    if (unreachable) return unreachable;
    const slowest = Math.min(...runs.filter((_, i) => live[i]).map((r) => r.rate ?? Infinity));
    if (Number.isFinite(slowest)) await new Promise((r) => setTimeout(r, Math.ceil(1000 / slowest)));
  }

  const workers = load.workers === 'auto' ? Math.min(8, availableParallelism()) : load.workers;
  if (workers > 1) return runWithWorkers(load, target, workers, (slice) => runLoad(slice, target, clock, now));

  if (load.warmup > 0) {
    // The warm-up keeps the caps: the rate, and with `amount` at most as many requests again.
    await Promise.all(runs.filter((_, i) => live[i]).map((r) => runOne({ ...r, durationMs: load.warmup }, clock, undefined)));
  }

  const startedAt = now().toISOString();
  const hists = runs.map(() => createHistogram());
  const failedHists = runs.map(() => createHistogram());
  const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOne(r, clock, hists[i], failedHists[i]) : Promise.resolve({ ...zeroCounters(), elapsedMs: 0 }))));
  const results: LoadRequestResult[] = counters.map((c, i) =>
    toResult(requests[i]!.name, runs[i]!, c, hists[i]!, startedAt, fromIntended, failedHists[i], live[i] ? undefined : idleReason(runs[i]!)),
  );
  const all = mergeHistograms(hists);
  const overallElapsed = Math.max(...counters.map((c) => c.elapsedMs));
  const total = { ...addCounters(counters), elapsedMs: overallElapsed };
  const overall = toResult('all', { ...runs[0]!, method: n === 1 ? runs[0]!.method : 'MIXED', connections: load.connections }, total, all, startedAt, fromIntended, mergeHistograms(failedHists));
  return {
    ...shape(load),
    requests: results,
    overall: n === 1 ? { ...results[0]!, name: 'all' } : overall,
    ...(idleNotes.length ? { notes: idleNotes } : {}),
  };
}

export function shape(load: LoadConfig): Pick<LoadResult, 'connections' | 'durationMs' | 'warmupMs' | 'amount' | 'rate'> {
  return {
    connections: load.connections,
    durationMs: load.duration,
    warmupMs: load.warmup,
    ...(load.amount !== undefined ? { amount: load.amount } : {}),
    ...(load.rate !== undefined ? { rate: load.rate } : {}),
  };
}

/**
 * One plain request before the load, tried twice: a target that cannot be reached is reported at
 * once rather than hammered, and one reset on the way is not an outage. The load replays this
 * request thousands of times anyway, so it is retried whatever its method.
 */
export async function preflight(load: LoadConfig, runs: readonly RunShape[], requests: LoadRequestConfig[], http: HttpClient, now: () => Date): Promise<LoadResult | undefined> {
  const first = runs[0]!;
  const { outcome: pre, attempts } = await sendWithRetry(
    http,
    { url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 },
    { retries: 1, delayMs: 250, idempotent: true },
  );
  if (pre.kind !== 'error' || pre.class === 'status' || pre.class === 'body') return undefined;
  const startedAt = now().toISOString();
  const firstError = { class: pre.class, message: `${pre.message}${attempts > 1 ? ` (${attempts} attempts)` : ''}` };
  const dead = (r: RunShape, name: string) =>
    toResult(name, r, { ...zeroCounters(), socketErrors: attempts, firstError, elapsedMs: pre.latencyMs }, createHistogram(), startedAt, false);
  const results = runs.map((r, i) => dead(r, requests[i]!.name));
  return { ...shape(load), requests: results, overall: { ...results[0]!, name: 'all' } };
}

/** What a result needs to know of the run that measured it. */
type RunShape = Pick<OneRun, 'url' | 'method' | 'headers' | 'body' | 'connections'>;

/** One request's (or all requests') counters and histograms as its result; `idle` says why a slice sent nothing. */
export function toResult(name: string, run: RunShape, c: Counters & { elapsedMs: number }, h: Histogram, startedAt: string, fromIntended: boolean, failed?: Histogram, idle?: string): LoadRequestResult {
  const requests = requestsOf(c);
  return {
    name,
    method: run.method,
    url: run.url,
    connections: run.connections,
    startedAt,
    elapsedMs: Math.round(c.elapsedMs),
    requests,
    responses: c.responses,
    non2xx: c.non2xx,
    socketErrors: c.socketErrors,
    timeouts: c.timeouts,
    mismatches: c.mismatches,
    statusCodes: c.statusCodes,
    // A mismatch is counted only for a 2xx reply (a non-2xx is already a failure): never above 100 %.
    errorRate: errorRate(failedOf(c), requests, idle !== undefined),
    requestsPerSecond: requestsPerSecond(c.responses, c.elapsedMs),
    latencyMs: summarize(h),
    histogram: encodeHistogram(h),
    ...failedLatencyOf(failed),
    ...(c.firstError ? { firstError: c.firstError } : {}),
    ...(fromIntended ? { latencyFrom: 'intended' as const } : {}),
    ...(idle !== undefined ? { idle } : {}),
  };
}
