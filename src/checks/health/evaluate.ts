import type { ProbeResult } from './types.js';
import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';
import { medianInterval } from '../../history/judge/timeline.js';
import { maintenanceSpans } from '../../suppression/windows.js';
import { downtimeGrade, downtimeOf, type Downtime } from './downtime.js';

/**
 * A probe's verdict: it failed (no answer, wrong status, failed assertion), it answered over its
 * latency budget, or it passed. A failure carries how long the run history knows it has lasted.
 */
export type HealthVerdict =
  | { readonly kind: 'failed'; readonly probe: ProbeResult; readonly downtime: Downtime; readonly graded?: Graded }
  | { readonly kind: 'slow'; readonly probe: ProbeResult; readonly graded?: Graded }
  | { readonly kind: 'ok'; readonly probe: ProbeResult };

/**
 * Pure: every probe of the run, judged against its expectations and latency budget. A failure is
 * `health-failed` (SEV1) when it has lasted over a minute or nothing says when it began (no run
 * history, no earlier run, an unobserved gap); a first failed run right after an up run is
 * `health-failed-brief` (SEV2), off when `health-failed` is.
 */
export function evaluateHealth(probes: readonly ProbeResult[], ctx: EvalContext): Judged<HealthVerdict> {
  const h = ctx.history;
  const fallback = h ? medianInterval(h.records.map((r) => ({ t: Date.parse(r.t) }))) : undefined;
  // Maintenance time since the earliest record: a probe down in a window was not down then.
  const maintenance = h && ctx.maintenance ? maintenanceSpans({ maintenance: ctx.maintenance }, ctx.environment, h.records.length ? Date.parse(h.records[0]!.t) : h.now, h.now + 1) : [];
  const verdicts: HealthVerdict[] = probes.map((probe) => {
    if (probe.failure) {
      const downtime = downtimeOf(h?.records, probe.name, h?.now ?? 0, fallback, maintenance);
      return withGrade({ kind: 'failed', probe, downtime }, downtimeGrade(downtime, grade(ctx, 'health-failed'), grade(ctx, 'health-failed-brief')));
    }
    if (probe.latencyBudgetMs !== undefined && probe.latencyMs > probe.latencyBudgetMs) return withGrade({ kind: 'slow', probe }, grade(ctx, 'health-latency'));
    return { kind: 'ok', probe };
  });
  // A failing probe is never evidence of a pass: a brief failure with health-failed-brief off (and
  // health-failed on) leaves its incident as it was, rather than counting toward close-after.
  const unjudged = new Set(verdicts.filter((v) => v.kind === 'failed' && !v.graded && grade(ctx, 'health-failed')).map((v) => v.probe.name));
  return { verdicts, observed: probes.filter((p) => !unjudged.has(p.name)).map((p) => fingerprint(ctx.environment, 'health', p.name)) };
}

function withGrade<V extends object>(v: V, graded: Graded | undefined): V & { graded?: Graded } {
  return graded ? { ...v, graded } : v;
}
