import { median } from 'simple-statistics';
import type { RunRecord } from '../record.js';

/**
 * The run history as time: each run's result stands for the interval until the next run, capped
 * at twice the interval expected after it; time beyond the cap is unobserved, never up. Pure.
 */

/** Which probes a judgement looks at: all of them (the environment is up when every probe is), or one. */
export type Subject = { readonly kind: 'environment' } | { readonly kind: 'probe'; readonly probe: string };

/** A run as the timeline sees it: its start, the interval expected after it, and whether the subject was up. */
export interface RunPoint {
  readonly t: number;
  /** undefined: the subject was not probed this run. */
  readonly up?: boolean;
  /** The interval expected after this run (its cron's), in ms, when known. */
  readonly expectedMs?: number;
}

/** A stretch of time and what it was: up, down, unobserved, or in maintenance (neither up nor down). */
export interface Span {
  readonly from: number;
  readonly to: number;
  readonly state: 'up' | 'down' | 'unobserved' | 'maintenance';
}

/** Whether a record's probes say the subject was up; undefined when it was not probed. */
export function upOf(probes: RunRecord['p'], subject: Subject): boolean | undefined {
  if (!probes) return undefined;
  if (subject.kind === 'probe') {
    const p = Object.hasOwn(probes, subject.probe) ? probes[subject.probe] : undefined;
    return p === undefined ? undefined : p[0] === 1;
  }
  const all = Object.values(probes);
  return all.length === 0 ? undefined : all.every((p) => p[0] === 1);
}

export function pointsOf(records: readonly RunRecord[], subject: Subject): RunPoint[] {
  return records.map((r) => {
    const up = upOf(r.p, subject);
    return { t: Date.parse(r.t), ...(up !== undefined ? { up } : {}), ...(r.i !== undefined ? { expectedMs: r.i } : {}) };
  });
}

/**
 * Whether a run `laterMs` came beyond the cap of an earlier record: further apart than twice the
 * interval expected after it (its cron's, else `fallbackMs`), so the time between is unobserved.
 */
export function beyondCap(earlier: RunRecord, laterMs: number, fallbackMs: number | undefined): boolean {
  const expected = earlier.i ?? fallbackMs;
  return expected !== undefined && laterMs - Date.parse(earlier.t) > 2 * expected;
}

/** The median interval between consecutive runs; undefined with fewer than two. */
export function medianInterval(points: readonly { readonly t: number }[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < points.length; i++) gaps.push(points[i]!.t - points[i - 1]!.t);
  return gaps.length ? median(gaps) : undefined;
}

/**
 * The spans of a timeline of runs, oldest first, up to `end` (this run's start: the last run
 * stands for nothing yet). A run without an expected interval uses `fallbackMs` (the observed
 * cadence). A run that did not probe the subject makes its interval unobserved.
 */
export function spansOf(points: readonly RunPoint[], end: number, fallbackMs: number | undefined): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const next = i + 1 < points.length ? points[i + 1]!.t : end;
    if (next <= p.t) continue;
    const expected = p.expectedMs ?? fallbackMs;
    const capEnd = expected === undefined ? next : Math.min(next, p.t + 2 * expected);
    out.push({ from: p.t, to: capEnd, state: p.up === undefined ? 'unobserved' : p.up ? 'up' : 'down' });
    if (capEnd < next) out.push({ from: capEnd, to: next, state: 'unobserved' });
  }
  return out;
}

/**
 * The spans with maintenance time carved out: each part of a span inside one of `maintenance`
 * (sorted, disjoint, [from, to)) becomes a `maintenance` span, whatever the run there found.
 * Maintenance counts as neither up nor down, nor as unobserved. A span (a run's result) that
 * starts in a window says nothing of the time after the window: that part is unobserved.
 */
export function withMaintenance(spans: readonly Span[], maintenance: readonly { readonly from: number; readonly to: number }[]): Span[] {
  if (maintenance.length === 0) return [...spans];
  const out: Span[] = [];
  for (const span of spans) {
    // A run that started in a window found what the window did: past its end, it is unobserved.
    const s: Span = span.state !== 'unobserved' && inSpans(span.from, maintenance) ? { ...span, state: 'unobserved' } : span;
    let at = s.from;
    for (const m of maintenance) {
      if (m.to <= at || m.from >= s.to) continue;
      if (m.from > at) out.push({ from: at, to: m.from, state: s.state });
      const end = Math.min(m.to, s.to);
      out.push({ from: Math.max(m.from, at), to: end, state: 'maintenance' });
      at = end;
    }
    if (at < s.to) out.push({ from: at, to: s.to, state: s.state });
  }
  return out;
}

/** Whether an instant falls in one of the maintenance spans. */
export function inSpans(t: number, spans: readonly { readonly from: number; readonly to: number }[]): boolean {
  return spans.some((m) => m.from <= t && t < m.to);
}

export interface Tally {
  readonly upMs: number;
  readonly downMs: number;
  readonly unobservedMs: number;
  /** Time in maintenance windows: neither up nor down, and not observed. */
  readonly maintenanceMs: number;
}

/** Up, down, unobserved and maintenance time of the spans within [from, to). */
export function tally(spans: readonly Span[], from: number, to: number): Tally {
  let upMs = 0;
  let downMs = 0;
  let unobservedMs = 0;
  let maintenanceMs = 0;
  for (const s of spans) {
    const d = Math.min(s.to, to) - Math.max(s.from, from);
    if (d <= 0) continue;
    if (s.state === 'up') upMs += d;
    else if (s.state === 'down') downMs += d;
    else if (s.state === 'maintenance') maintenanceMs += d;
    else unobservedMs += d;
  }
  return { upMs, downMs, unobservedMs, maintenanceMs };
}
