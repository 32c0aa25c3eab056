import type { FailureClass } from '../../core/types.js';

/** The health check's results (`results.health` in the report). */

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
