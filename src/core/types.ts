import type { Severity, WorstSeverity, FailOn } from './severity.js';
import type { LoadResult } from '../checks/load/types.js';
import type { ResolvedBudgets } from '../checks/load/budgets.js';
import type { AuditResult } from '../checks/audits/types.js';

export const CHECKS = ['health', 'metrics', 'load', 'indexes', 'audits'] as const;
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
      /** The response's headers by lower-case name (absent from clients that do not report them). */
      readonly headers?: Readonly<Record<string, string>>;
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
  audits?: readonly AuditResult[];
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

/**
 * Structured facts a check's evaluation hands to renderers beyond its own rows (the gate comment
 * shows each load request's budgets), so that no renderer derives them again from the config.
 */
export interface CheckFacts {
  readonly load?: {
    /** Each request's budgets, after the config's layers (defaults, the load's, the request's). */
    readonly budgets: Readonly<Record<string, ResolvedBudgets>>;
    /** The regression rule's threshold, in percent of the baseline's p95. */
    readonly regressionThresholdPct: number;
  };
}

export interface Evaluation {
  readonly facts?: CheckFacts;
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
