import type { ProbeResult } from './types.js';
import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';

/** A probe's verdict: it failed (no answer, wrong status, failed assertion), it answered over its latency budget, or it passed. */
export type HealthVerdict =
  | { readonly kind: 'failed'; readonly probe: ProbeResult; readonly graded?: Graded }
  | { readonly kind: 'slow'; readonly probe: ProbeResult; readonly graded?: Graded }
  | { readonly kind: 'ok'; readonly probe: ProbeResult };

/** Pure: every probe of the run, judged against its expectations and latency budget. */
export function evaluateHealth(probes: readonly ProbeResult[], ctx: EvalContext): Judged<HealthVerdict> {
  const verdicts: HealthVerdict[] = probes.map((probe) => {
    if (probe.failure) return withGrade({ kind: 'failed', probe }, grade(ctx, 'health-failed'));
    if (probe.latencyBudgetMs !== undefined && probe.latencyMs > probe.latencyBudgetMs) return withGrade({ kind: 'slow', probe }, grade(ctx, 'health-latency'));
    return { kind: 'ok', probe };
  });
  return { verdicts, observed: probes.map((p) => fingerprint(ctx.environment, 'health', p.name)) };
}

function withGrade<V extends object>(v: V, graded: Graded | undefined): V & { graded?: Graded } {
  return graded ? { ...v, graded } : v;
}
