import type { RunRecord } from '../../history/record.js';
import { beyondCap, tally, upOf, withMaintenance } from '../../history/judge/timeline.js';
import { rank } from '../../core/severity.js';
import type { Graded } from '../check.js';

/**
 * How long a failing probe is known to have been down, pure, from the run history's records.
 * "API downtime > 1 minute" is SEV1 when the probe failed on runs spanning over a minute, or at
 * once when no earlier run says when it went down. A first failed run right after an up run (within
 * the cap of twice the interval expected after it) is not yet known to last over a minute.
 */

/** Downtime over this is SEV1 (`health-failed`); up to it, a first failure is `health-failed-brief`. */
export const SEV1_DOWNTIME_MS = 60_000;

export type Downtime =
  /** The earlier runs say when it went down: after the up run before `since` (this run's start when this is the first failed run). */
  | { readonly known: true; readonly since: number; readonly spanMs: number; readonly failedRuns: number }
  /** No earlier run to say: no history, none before, a gap (unobserved time) or a run that did not probe it. */
  | { readonly known: false; readonly why: 'no-history' | 'no-earlier' | 'gap' | 'unprobed'; readonly failedRuns: number };

/**
 * The failed runs of `probe` back from now: consecutive failures, without an unobserved gap, back
 * to the up run before them. Bounded by the records (newest first, stops at the first up run).
 * `maintenance` (sorted, disjoint): time in it is not downtime, so `spanMs` leaves it out.
 */
export function downtimeOf(
  records: readonly RunRecord[] | undefined,
  probe: string,
  now: number,
  fallbackMs: number | undefined,
  maintenance: readonly { readonly from: number; readonly to: number }[] = [],
): Downtime {
  if (!records) return { known: false, why: 'no-history', failedRuns: 1 };
  let since = now;
  let failedRuns = 1;
  for (let k = records.length - 1; k >= 0; k--) {
    const r = records[k]!;
    if (beyondCap(r, since, fallbackMs)) return { known: false, why: 'gap', failedRuns };
    const up = upOf(r.p, { kind: 'probe', probe });
    if (up === undefined) return { known: false, why: 'unprobed', failedRuns };
    // Maintenance time is neither up nor down: only the failed time outside the windows counts.
    if (up) return { known: true, since, spanMs: now - since - tally(withMaintenance([{ from: since, to: now, state: 'down' }], maintenance), since, now).maintenanceMs, failedRuns };
    since = Date.parse(r.t);
    failedRuns++;
  }
  return { known: false, why: 'no-earlier', failedRuns };
}

/** Whether the downtime is SEV1 (`health-failed`) rather than brief (`health-failed-brief`). */
export function downtimeIsLong(d: Downtime): boolean {
  return !d.known || d.spanMs > SEV1_DOWNTIME_MS;
}

/**
 * The grade of a failed probe: `long` (health-failed) when the downtime is long or that rule is
 * off; else `brief` (health-failed-brief), never more severe than `long` (an override lowering
 * health-failed lowers a brief failure with it); undefined when the brief rule is off.
 */
export function downtimeGrade(d: Downtime, long: Graded | undefined, brief: Graded | undefined): Graded | undefined {
  if (!long || downtimeIsLong(d)) return long;
  if (!brief) return undefined;
  return rank(brief.severity) < rank(long.severity) ? { ...brief, severity: long.severity } : brief;
}
