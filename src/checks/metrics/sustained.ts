import { median } from 'simple-statistics';
import type { RunRecord } from '../../history/record.js';
import type { ForSpec } from './schema.js';
import { beyondCap } from '../../history/judge/timeline.js';

/**
 * Conditions over time, pure, from the run history's records (each keeps the metrics' values under
 * `m`, in the threshold's unit; a counter's raw value for a rate).
 */

/** A metric's value in a record (an own key only: a metric named "constructor" is not Object's). */
function valueIn(r: RunRecord, name: string): number | undefined {
  return r.m && Object.hasOwn(r.m, name) ? r.m[name] : undefined;
}

/** Two runs further apart than twice the interval expected after the earlier one leave a gap: unobserved time. */
const gapBetween = beyondCap;

export type Held =
  | { readonly held: true; readonly heldMs: number; readonly runs: number }
  /** `why`: too short so far, broken by an unobserved gap, or a run without the value. */
  | { readonly held: false; readonly heldMs: number; readonly runs: number; readonly why: 'short' | 'gap' | 'missing' | 'no-history' };

/**
 * Whether `meets` held for `spec` up to now: this run meets it (the caller checked), and so did
 * every earlier run back to one at least `spec.ms` before now (or `spec.runs` runs in all), with no
 * unobserved gap between them.
 */
export function heldFor(records: readonly RunRecord[] | undefined, name: string, meets: (v: number) => boolean, now: number, spec: ForSpec, fallbackMs?: number): Held {
  const enough = (heldMs: number, runs: number) => ('ms' in spec ? heldMs >= spec.ms : runs >= spec.runs);
  if (enough(0, 1)) return { held: true, heldMs: 0, runs: 1 };
  if (!records) return { held: false, heldMs: 0, runs: 1, why: 'no-history' };
  let laterMs = now;
  let runs = 1;
  let heldMs = 0;
  for (let k = records.length - 1; k >= 0; k--) {
    const r = records[k]!;
    if (gapBetween(r, laterMs, fallbackMs)) return { held: false, heldMs, runs, why: 'gap' };
    const v = valueIn(r, name);
    if (v === undefined) return { held: false, heldMs, runs, why: 'missing' };
    if (!meets(v)) return { held: false, heldMs, runs, why: 'short' };
    runs++;
    laterMs = Date.parse(r.t);
    heldMs = now - laterMs;
    if (enough(heldMs, runs)) return { held: true, heldMs, runs };
  }
  return { held: false, heldMs, runs, why: 'short' };
}

export type Rate =
  | { readonly known: true; readonly perHour: number; readonly increase: number; readonly elapsedMs: number; readonly reset: boolean }
  /** No earlier run with the counter, or one beyond an unobserved gap. */
  | { readonly known: false; readonly why: 'no-earlier' | 'gap' };

/**
 * A counter's increase per hour since the previous run. A counter lower than before was reset
 * (the app restarted): the increase is then the new value itself, counted from 0.
 */
export function ratePerHour(records: readonly RunRecord[] | undefined, name: string, value: number, now: number, fallbackMs?: number): Rate {
  const prev = records?.findLast((r) => r.m !== undefined && Object.hasOwn(r.m, name));
  if (!prev) return { known: false, why: 'no-earlier' };
  if (prev !== records!.at(-1) || gapBetween(prev, now, fallbackMs)) return { known: false, why: 'gap' };
  const before = prev.m![name]!;
  const elapsedMs = now - Date.parse(prev.t);
  if (elapsedMs <= 0) return { known: false, why: 'no-earlier' };
  const reset = value < before;
  const increase = reset ? value : value - before;
  return { known: true, perHour: (increase * 3_600_000) / elapsedMs, increase, elapsedMs, reset };
}

/** The counter's increase per hour from run `a` to run `b` (a lower value is a reset, counted from 0); undefined without both values. */
function rateBetween(a: RunRecord, b: RunRecord, name: string): number | undefined {
  const va = valueIn(a, name);
  const vb = valueIn(b, name);
  const elapsed = Date.parse(b.t) - Date.parse(a.t);
  if (va === undefined || vb === undefined || elapsed <= 0) return undefined;
  return ((vb < va ? vb : vb - va) * 3_600_000) / elapsed;
}

/**
 * Whether a `rate:` condition held for `spec` up to now. Each run's rate stands for the interval
 * since the run before it, so the condition has held since the start of the earliest interval in a
 * row whose rate met it: this run's rate (`current`, which the caller found meeting it) covers the
 * time since the previous run, that run's rate the interval before, and so on, with no unobserved
 * gap between them. `for: "3 runs"` counts rates (intervals), this run's included.
 */
export function rateHeldFor(records: readonly RunRecord[], name: string, meets: (v: number) => boolean, now: number, spec: ForSpec, current: Extract<Rate, { known: true }>, fallbackMs?: number): Held {
  const enough = (heldMs: number, runs: number) => ('ms' in spec ? heldMs >= spec.ms : runs >= spec.runs);
  let heldMs = current.elapsedMs;
  let runs = 1;
  if (enough(heldMs, runs)) return { held: true, heldMs, runs };
  // The current rate came from records.at(-1) (ratePerHour checked it); go back one interval at a time.
  for (let k = records.length - 1; k >= 1; k--) {
    const b = records[k]!;
    const a = records[k - 1]!;
    if (gapBetween(a, Date.parse(b.t), fallbackMs)) return { held: false, heldMs, runs, why: 'gap' };
    const rate = rateBetween(a, b, name);
    if (rate === undefined) return { held: false, heldMs, runs, why: 'missing' };
    if (!meets(rate)) return { held: false, heldMs, runs, why: 'short' };
    runs++;
    heldMs = now - Date.parse(a.t);
    if (enough(heldMs, runs)) return { held: true, heldMs, runs };
  }
  return { held: false, heldMs, runs, why: 'short' };
}

/** The hour of the week, in UTC (0 = Sunday 00:00–01:00). */
export function hourOfWeek(ms: number): number {
  const d = new Date(ms);
  return d.getUTCDay() * 24 + d.getUTCHours();
}

export interface SpikeSpec {
  readonly factor: number;
  readonly baseline: number;
  readonly 'min-count': number;
}

export type Spike =
  | { readonly known: true; readonly perHour: number; readonly increase: number; readonly baselinePerHour: number; readonly samples: number; readonly fired: boolean }
  /** Fewer than two earlier rates at this hour of the week within the baseline span. */
  | { readonly known: false; readonly samples: number };

/**
 * A counter's rate now against the median of its rates at the same hour of the week (UTC) over
 * the baseline span (each between two consecutive runs with no unobserved gap). A spike needs both:
 * the rate at least `factor` × that median, and at least `min-count` events since the previous run.
 */
export function spikeOf(records: readonly RunRecord[], name: string, current: Extract<Rate, { known: true }>, now: number, spec: SpikeSpec, fallbackMs?: number): Spike {
  const hour = hourOfWeek(now);
  const rates: number[] = [];
  for (let k = 1; k < records.length; k++) {
    const a = records[k - 1]!;
    const b = records[k]!;
    const tb = Date.parse(b.t);
    if (tb < now - spec.baseline || tb > now - 3_600_000 || hourOfWeek(tb) !== hour) continue;
    const rate = gapBetween(a, tb, fallbackMs) ? undefined : rateBetween(a, b, name);
    if (rate !== undefined) rates.push(rate);
  }
  if (rates.length < 2) return { known: false, samples: rates.length };
  const baselinePerHour = median(rates);
  const fired = current.increase >= spec['min-count'] && current.perHour >= spec.factor * baselinePerHour;
  return { known: true, perHour: current.perHour, increase: current.increase, baselinePerHour, samples: rates.length, fired };
}
