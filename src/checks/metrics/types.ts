import type { FailureClass } from '../../core/types.js';

/** The metrics check's results (`results.metrics` in the report). */

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
