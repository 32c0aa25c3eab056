import type { Severity, WorstSeverity, FailOn } from './severity.js';

export const CHECKS = ['health', 'metrics', 'load', 'indexes', 'audits'] as const;
export type CheckName = (typeof CHECKS)[number];
/** What a finding or row comes from: a check, or the judgements of the run history (src/history/judge/). */
export const FINDING_SOURCES = [...CHECKS, 'history'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/** Why a request failed. `latency` is judged later, from a successful response that was too slow. */
export const FAILURE_CLASSES = ['dns', 'refused', 'reset', 'timeout', 'tls', 'redirect', 'status', 'body', 'latency'] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

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

/** One line of a check's table in the summary: a condition and its result. */
export interface ResultRow {
  readonly check: FindingSource;
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
  readonly check: FindingSource;
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
  /** Measured and reported, but held from incidents: in a maintenance window or silenced (src/suppression/). */
  readonly suppressed?: Suppression;
}

/** Why a fingerprint is held from incidents this run. */
export type Suppression =
  | { readonly kind: 'maintenance'; readonly window: string; readonly until: string }
  | { readonly kind: 'silence'; readonly match: string; readonly until: string; readonly reason: string };

export interface Verdict {
  readonly status: 'pass' | 'fail';
  readonly worstSeverity: WorstSeverity;
  readonly failOn: FailOn;
  readonly findingsCount: number;
  /** Findings in maintenance or silenced that the status did not judge (monitor and merge runs). */
  readonly notJudged?: number;
}
