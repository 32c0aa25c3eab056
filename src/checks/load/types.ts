import { z } from 'zod';
import { FAILURE_CLASSES } from '../../core/types.js';
import type { LatencySummary } from '../../scale/histogram.js';

/** The load check's result: what `report.json` keeps under `results.load`. */


const latencySummarySchema = z.object({ count: z.number(), min: z.number(), mean: z.number(), p50: z.number(), p90: z.number(), p95: z.number(), p99: z.number(), max: z.number() });

/** One stage of an open-model run, as measured: what a shard carries so the merge adds stages up exactly. */
export const stageResultSchema = z.object({
  /** The rate the stage starts at and the rate it ramps to, in requests per second (this slice's share). */
  from: z.number(),
  target: z.number(),
  durationMs: z.number(),
  /** Runs of the stage these figures add up (gate samples): counts and `expected` are over all of them. Absent: 1. */
  runs: z.number().optional(),
  /** Requests the schedule meant to start in this stage (the integral of its rate). */
  expected: z.number(),
  /** Requests started on schedule in this stage (not dropped). */
  requests: z.number(),
  dropped: z.number(),
  /** Requests started ÷ the stage's duration, per second. */
  achievedRate: z.number(),
  /** The successful responses' latencies from their intended start, and each dropped request at `timeout`: the encoded HDR histogram (µs), and its summary. */
  histogram: z.string(),
  latencyMs: latencySummarySchema,
});
export type StageResult = z.infer<typeof stageResultSchema>;

/**
 * One request's load counters and encoded histograms: the part of its result that adds up exactly
 * across workers, shards and samples, and what a shard result (`launchguard.shard/v1`) carries for it.
 */
export const loadRequestCountsSchema = z.object({
  name: z.string(),
  method: z.string(),
  url: z.string(),
  connections: z.number(),
  startedAt: z.string(),
  elapsedMs: z.number(),
  /** Responses plus requests that got no response (socket errors, timeouts). */
  requests: z.number(),
  responses: z.number(),
  non2xx: z.number(),
  socketErrors: z.number(),
  timeouts: z.number(),
  /** Responses whose body lacked `expect-body-contains`. */
  mismatches: z.number(),
  statusCodes: z.record(z.string(), z.number()),
  /** The successful responses' latencies: the encoded HDR histogram (µs). */
  histogram: z.string(),
  /** The failed responses' latencies; `histogram` holds the successful ones. */
  failedHistogram: z.string().optional(),
  firstError: z.object({ class: z.enum(FAILURE_CLASSES), message: z.string() }).optional(),
  /**
   * Where latency is measured from: `sent`, when each request left; or `intended`, under a rate cap,
   * when the rate meant to send it (corrected for coordinated omission, as wrk2 does). Absent: `sent`.
   */
  latencyFrom: z.enum(['sent', 'intended']).optional(),
  /** `open`: requests started on schedule whether or not earlier ones finished (arrival-rate). Absent: the closed model. */
  model: z.literal('open').optional(),
  /** The open model's mean target arrival rate over the run, in requests per second (this slice's share). */
  targetRate: z.number().optional(),
  /** The open model's requests that could not start on time (max-in-flight reached): counted in `requests` and as errors. */
  dropped: z.number().optional(),
  stages: z.array(stageResultSchema).optional(),
  /** The open model: how late the generator itself sent requests after their intended start (its own event loop), ms. */
  sendLagMs: z.object({ p99: z.number(), max: z.number() }).optional(),
  /** Set when this slice of the load sends nothing (its share of the rate or amount is 0): why. */
  idle: z.string().optional(),
});
export type LoadRequestCounts = Readonly<z.infer<typeof loadRequestCountsSchema>>;

/** One request's load-test measurements. Latencies in milliseconds; `histogram` is the encoded HDR histogram (µs). */
export interface LoadRequestResult extends LoadRequestCounts {
  /** Failed requests (non-2xx + socket errors + timeouts + 2xx body mismatches) ÷ requests, as a fraction (never above 1). */
  readonly errorRate: number;
  readonly requestsPerSecond: number;
  /** Successful responses only (2xx, body as expected): a fast 503 is not latency. Count 0: none succeeded. */
  readonly latencyMs: LatencySummary;
  /** The failed responses' latencies (non-2xx, body mismatches), kept apart; absent when none failed. */
  readonly failedLatencyMs?: LatencySummary;
}

export interface LoadResult {
  readonly connections: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly amount?: number;
  readonly rate?: number;
  /** The open model: the configured arrival rate (per second, when constant) and the bound on requests in flight. */
  readonly model?: 'open';
  readonly maxInFlight?: number;
  readonly requests: readonly LoadRequestResult[];
  readonly overall: LoadRequestResult;
  /** What the load step has to say about itself (idle slices, merge observations). */
  readonly notes?: readonly string[];
  /** In gate mode: each sample's overall figures; the fields above are their medians. */
  readonly perSample?: readonly { readonly p50: number; readonly p95: number; readonly p99: number; readonly errorRate: number; readonly requestsPerSecond: number }[];
}
