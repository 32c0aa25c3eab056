import type { Severity, WorstSeverity, FailOn } from './severity.js';
import type { LatencySummary } from '../scale/histogram.js';

export const CHECKS = ['health', 'metrics', 'load', 'indexes'] as const;
export type CheckName = (typeof CHECKS)[number];

/** Why a request failed. `latency` is judged later, from a successful response that was too slow. */
export type FailureClass = 'dns' | 'refused' | 'reset' | 'timeout' | 'tls' | 'redirect' | 'status' | 'body' | 'latency';

/** The outcome of one HTTP exchange, as the probe saw it. */
export type HttpOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly latencyMs: number;
      readonly body: Buffer;
      /** True when the body was larger than the cap and reading stopped there. */
      readonly truncated: boolean;
      /** On a 429 or 503: how long the server asked to wait (`Retry-After`), in ms. */
      readonly retryAfterMs?: number;
    }
  | { readonly kind: 'error'; readonly class: FailureClass; readonly message: string; readonly latencyMs: number };

export interface AssertionResult {
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly ok: boolean;
}

export interface ProbeResult {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly status?: number;
  readonly latencyMs: number;
  readonly latencyBudgetMs?: number;
  /** Set when the probe failed for a reason other than latency. */
  readonly failure?: { readonly class: FailureClass; readonly message: string };
  readonly assertions: readonly AssertionResult[];
}

/** A monitoring endpoint's JSON as fetched; evaluation reads the fields. */
export interface EndpointReading {
  readonly source: 'system' | 'usage' | 'alerts';
  readonly url: string;
  readonly attempts: number;
  readonly latencyMs: number;
  readonly status?: number;
  readonly failure?: { readonly class: FailureClass; readonly message: string };
  /** With `truncated`: what could be read of the body before its cap (`parseJsonPrefix`). */
  readonly json?: unknown;
  /** The body went past its cap; `failure` says so. */
  readonly truncated?: boolean;
}

/** One request's load-test measurements. Latencies in milliseconds; `histogram` is the encoded HDR histogram (µs). */
export interface LoadRequestResult {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly connections: number;
  readonly startedAt: string;
  readonly elapsedMs: number;
  /** Responses plus requests that got no response (socket errors, timeouts). */
  readonly requests: number;
  readonly responses: number;
  readonly non2xx: number;
  readonly socketErrors: number;
  readonly timeouts: number;
  /** Responses whose body lacked `expect-body-contains`. */
  readonly mismatches: number;
  readonly statusCodes: Readonly<Record<string, number>>;
  /** Failed requests (non-2xx + socket errors + timeouts + 2xx body mismatches) ÷ requests, as a fraction (never above 1). */
  readonly errorRate: number;
  readonly requestsPerSecond: number;
  /** Successful responses only (2xx, body as expected): a fast 503 is not latency. Count 0: none succeeded. */
  readonly latencyMs: LatencySummary;
  readonly histogram: string;
  /** The failed responses' latencies (non-2xx, body mismatches), kept apart; absent when none failed. */
  readonly failedLatencyMs?: LatencySummary;
  readonly failedHistogram?: string;
  readonly firstError?: { readonly class: FailureClass; readonly message: string };
  /**
   * Where latency is measured from: `sent`, when each request left; or `intended`, under a rate cap,
   * when the rate meant to send it (corrected for coordinated omission, as wrk2 does). Absent: `sent`.
   */
  readonly latencyFrom?: 'sent' | 'intended';
  /** Set when this slice of the load sends nothing (its share of the rate or amount is 0): why. */
  readonly idle?: string;
}

export interface LoadResult {
  readonly connections: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly amount?: number;
  readonly rate?: number;
  readonly requests: readonly LoadRequestResult[];
  readonly overall: LoadRequestResult;
  /** What the load step has to say about itself (idle slices, merge observations). */
  readonly notes?: readonly string[];
  /** In gate mode: each sample's overall figures; the fields above are their medians. */
  readonly samples?: readonly { readonly p50: number; readonly p95: number; readonly p99: number; readonly errorRate: number; readonly requestsPerSecond: number }[];
}

export interface CollectionIndexes {
  readonly name: string;
  readonly exists: boolean;
  /** As listIndexes returned them: { v, key, name, unique?, sparse?, partialFilterExpression?, expireAfterSeconds?, collation? }. */
  readonly indexes: readonly Record<string, unknown>[];
  /** From $indexStats, when asked for and permitted. */
  readonly stats?: readonly { readonly name: string; readonly ops: number; readonly since: string }[];
}

export interface QueryPlan {
  readonly name: string;
  readonly collection: string;
  readonly stages: readonly string[];
  readonly collscan: boolean;
  readonly indexName?: string;
  readonly error?: string;
}

export interface IndexesResult {
  readonly database: string;
  /** Hosts only, never credentials. */
  readonly host: string;
  readonly connected: boolean;
  readonly error?: { readonly kind: 'connect' | 'auth'; readonly message: string };
  readonly collections: readonly CollectionIndexes[];
  readonly queries: readonly QueryPlan[];
  readonly notes: readonly string[];
}

export interface CheckResults {
  health?: readonly ProbeResult[];
  metrics?: readonly EndpointReading[];
  load?: LoadResult;
  indexes?: IndexesResult;
  /** Checks that broke while running (an error, not a finding): each is settled on its own, the others are still judged. */
  failures?: readonly CheckFailure[];
}

export interface CheckFailure {
  readonly check: CheckName;
  readonly message: string;
}

/** One line of a check's table in the summary: a condition and its result. */
export interface ResultRow {
  readonly check: CheckName;
  readonly subject: string;
  readonly value: string;
  readonly budget: string;
  readonly verdict: 'pass' | 'fail' | 'skip';
  readonly severity?: Severity;
}

export interface Finding {
  /** environment:check:subject; stable across runs, used to find the incident issue again. */
  readonly fingerprint: string;
  readonly environment: string;
  readonly check: CheckName;
  readonly subject: string;
  /** The rule that produced it: a rule id from the severity table, or `threshold` for a configured level. */
  readonly rule: string;
  readonly severity: Severity;
  /** Stable for the incident: carries no figures. */
  readonly title: string;
  /** What was measured against what was expected, with figures. */
  readonly detail: string;
  readonly classification?: FailureClass;
  readonly measured?: { readonly value: number | string; readonly unit?: string; readonly budget?: number | string };
  readonly remediation?: string;
  /**
   * One outage, one finding: the findings of other checks on the same origin that a failing health
   * probe explains, each as "SEV2 title: detail". Shown under this finding, never as findings of their own.
   */
  readonly related?: readonly string[];
}

export interface Evaluation {
  readonly rows: readonly ResultRow[];
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  /** Fingerprints whose rule was evaluated this run, passing or failing (see observed.ts). */
  readonly observed: readonly string[];
}

export interface Verdict {
  readonly status: 'pass' | 'fail';
  readonly worstSeverity: WorstSeverity;
  readonly failOn: FailOn;
  readonly findingsCount: number;
}
