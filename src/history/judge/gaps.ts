import { median, quantileSorted } from 'simple-statistics';
import { DAY } from '../../config/fields.js';
import type { RunRecord } from '../record.js';

/**
 * Schedule gaps and the observed cadence, pure. GitHub starts scheduled runs late and drops some
 * under load: a gap is the time from the previous recorded run to this one beyond 3× the interval
 * expected (the cron's, else the observed median).
 */
export const GAP_FACTOR = 3;
/** The span a repeated gap is looked for in, and the least time between two schedule-gap findings. */
export const GAP_REPEAT_MS = DAY;
/** The cadence is measured over the last week of runs. */
export const CADENCE_SPAN_MS = 7 * DAY;

export interface Cadence {
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Median of (start − scheduled tick) over the runs that know their tick: GitHub's delay. */
  readonly delayMedianMs?: number;
}

export type GapVerdict =
  /** No interval is known yet (fewer than two runs and no cron): nothing to judge. */
  | { readonly kind: 'unknown' }
  | { readonly kind: 'on-time'; readonly gapMs: number; readonly expectedMs: number }
  /**
   * The gap since the previous run is over 3× the expected interval. `repeated`: another such gap
   * in the 24 h before; `raised`: this run reports it as a finding (repeated, and no schedule-gap
   * finding in the 24 h before), otherwise it is a note.
   */
  | { readonly kind: 'gap'; readonly gapMs: number; readonly expectedMs: number; readonly since: string; readonly repeated: boolean; readonly raised: boolean };

export interface GapInput {
  /** Earlier records, oldest first. */
  readonly records: readonly RunRecord[];
  readonly now: number;
  /** This run's expected interval (its cron's), when it has one. */
  readonly expectedMs?: number;
  /** This run's scheduled tick (ms), when it has one. */
  readonly scheduledAt?: number;
  /** The schedule-gap fingerprint without the environment: a record that failed it raised a finding. */
  readonly subject: string;
}

export function cadenceOf(records: readonly RunRecord[], now: number, scheduledAt?: number): Cadence | undefined {
  const recent = records.filter((r) => Date.parse(r.t) >= now - CADENCE_SPAN_MS);
  const times = [...recent.map((r) => Date.parse(r.t)), now];
  if (times.length < 2) return undefined;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  gaps.sort((a, b) => a - b);
  const delays = [...recent.flatMap((r) => (r.sch ? [Date.parse(r.t) - Date.parse(r.sch)] : [])), ...(scheduledAt !== undefined ? [now - scheduledAt] : [])];
  return { runs: times.length, medianMs: median(gaps), p95Ms: quantileSorted(gaps, 0.95), ...(delays.length ? { delayMedianMs: median(delays) } : {}) };
}

export function judgeGap(i: GapInput, cadence: Cadence | undefined): GapVerdict {
  const prev = i.records.at(-1);
  if (!prev) return { kind: 'unknown' };
  const expectedMs = i.expectedMs ?? prev.i ?? cadence?.medianMs;
  if (expectedMs === undefined || expectedMs <= 0) return { kind: 'unknown' };
  const gapMs = i.now - Date.parse(prev.t);
  if (gapMs <= GAP_FACTOR * expectedMs) return { kind: 'on-time', gapMs, expectedMs };
  // An earlier gap: two consecutive runs within the 24 h before the previous run, further apart than 3× their interval.
  const windowStart = Date.parse(prev.t) - GAP_REPEAT_MS;
  let repeated = false;
  for (let k = i.records.length - 1; k > 0 && !repeated; k--) {
    const a = i.records[k - 1]!;
    const b = i.records[k]!;
    if (Date.parse(b.t) < windowStart) break;
    const e = a.i ?? cadence?.medianMs;
    if (e !== undefined && Date.parse(b.t) - Date.parse(a.t) > GAP_FACTOR * e) repeated = true;
  }
  const raisedRecently = i.records.some((r) => Date.parse(r.t) >= i.now - GAP_REPEAT_MS && (r.f ?? []).includes(i.subject));
  return { kind: 'gap', gapMs, expectedMs, since: prev.t, repeated, raised: repeated && !raisedRecently };
}
