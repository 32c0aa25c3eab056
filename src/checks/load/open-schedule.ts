import { share } from '../../scale/shard-spec.js';

/**
 * The open model's schedule, pure: arrival rates, stages, the intended start time of every request,
 * and the exact split of a rate over requests, workers and shards.
 */

/** An arrival rate as configured: `count` requests per second (`s`) or per minute (`m`). */
export interface ArrivalRate {
  readonly count: number;
  readonly per: 's' | 'm';
}

export interface Stage {
  readonly durationMs: number;
  /** The rate reached at the stage's end; it ramps linearly from the rate before it (k6's ramping-arrival-rate). */
  readonly target: ArrivalRate;
}

/** An open-model run: the rate it starts at, then its stages. A constant rate is one stage from and to that rate. */
export interface OpenPlan {
  readonly start: ArrivalRate;
  readonly stages: readonly Stage[];
}

const windowMs = (r: ArrivalRate) => (r.per === 's' ? 1000 : 60_000);
/** Requests per millisecond. */
export const perMs = (r: ArrivalRate) => r.count / windowMs(r);
/** Requests per second. */
export const perSecond = (r: ArrivalRate) => (r.per === 's' ? r.count : r.count / 60);

/** Parses "200/s" or "30/m"; undefined when it is neither. */
export function parseArrivalRate(text: string): ArrivalRate | undefined {
  const m = /^\s*(\d+)\s*\/\s*(s|m)\s*$/.exec(text);
  return m ? { count: Number(m[1]), per: m[2] as 's' | 'm' } : undefined;
}

export const formatRate = (r: ArrivalRate) => `${r.count}/${r.per}`;

/** The plan a load config describes: its stages from `arrival-rate` (0 when absent), or `arrival-rate` held for `duration`. */
export function planOf(arrivalRate: ArrivalRate | undefined, stages: readonly Stage[] | undefined, durationMs: number): OpenPlan {
  const start = arrivalRate ?? { count: 0, per: 's' };
  return { start, stages: stages?.length ? stages : [{ durationMs, target: start }] };
}

/** The plan's length in milliseconds. */
export const planMs = (p: OpenPlan) => p.stages.reduce((a, s) => a + s.durationMs, 0);

/** Requests the plan means to start in each stage: the integral of its rate over the stage. */
export function expectedPerStage(p: OpenPlan): number[] {
  let from = perMs(p.start);
  return p.stages.map((s) => {
    const to = perMs(s.target);
    const n = ((from + to) / 2) * s.durationMs;
    from = to;
    return n;
  });
}

const EPS = 1e-9;

/**
 * The intended start times (ms from the run's start) of every request, in order: the k-th request
 * starts when the integral of the rate reaches k, so a constant 100/s for 10 s is exactly 1,000
 * requests 10 ms apart, and a ramp starts them ever closer. Lazy: a long run is never an array.
 */
export function* arrivals(p: OpenPlan): Generator<number, void, undefined> {
  let k = 0;
  let before = 0; // the integral of the rate up to the current stage
  let t0 = 0;
  let a = perMs(p.start);
  for (const s of p.stages) {
    const b = perMs(s.target);
    const d = s.durationMs;
    const total = ((a + b) / 2) * d;
    for (;;) {
      const x = k - before;
      if (x >= total - EPS) break;
      let t: number;
      if (Math.abs(b - a) < 1e-15) t = x / a;
      else t = ((-a + Math.sqrt(Math.max(0, a * a + (2 * (b - a) * x) / d))) * d) / (b - a);
      yield t0 + Math.min(Math.max(t, 0), d);
      k++;
    }
    before += total;
    t0 += d;
    a = b;
  }
}

/** Share `i` of `parts` of a rate: whole counts that differ by at most one and add up to the rate exactly. */
export function splitRate(r: ArrivalRate, parts: number, i: number): ArrivalRate {
  return { count: share(r.count, parts, i), per: r.per };
}

/** Share `i` of `parts` of a plan: every rate in it split the same way, so each stage's shares add up exactly. */
export function splitPlan(p: OpenPlan, parts: number, i: number): OpenPlan {
  return { start: splitRate(p.start, parts, i), stages: p.stages.map((s) => ({ durationMs: s.durationMs, target: splitRate(s.target, parts, i) })) };
}

/** True when the plan starts nothing: every rate in it is 0. */
export const planIsIdle = (p: OpenPlan) => p.start.count === 0 && p.stages.every((s) => s.target.count === 0);
