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
  /** A slice of a split plan: it starts arrivals `index`, `index + of`, … of the whole plan's schedule. */
  readonly slice?: OpenSlice;
}

/** Slice `index` of `of` of the `whole` plan: the arrivals dealt round-robin, so counts and timing stay exact. */
export interface OpenSlice {
  readonly index: number;
  readonly of: number;
  readonly whole: { readonly start: ArrivalRate; readonly stages: readonly Stage[] };
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
export function expectedPerStage(p: Pick<OpenPlan, 'start' | 'stages'>): number[] {
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
  // A slice walks the whole plan's schedule, every `of`-th arrival from its `index`.
  const step = p.slice?.of ?? 1;
  let k = p.slice?.index ?? 0;
  if (p.slice) p = p.slice.whole;
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
      k += step;
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

/**
 * Share `i` of `parts` of a plan: every rate in it split the same way (so each stage's shares add up
 * exactly), and its arrivals dealt round-robin from the whole schedule: slice i of N takes arrivals
 * k ≡ i (mod N), so the slices together start exactly the whole plan's requests at its times.
 * A slice split again composes: slice a of A, split into n, gives slices a + i·A of A·n.
 */
export function splitPlan(p: OpenPlan, parts: number, i: number): OpenPlan {
  const base = p.slice ?? { index: 0, of: 1, whole: { start: p.start, stages: p.stages } };
  return {
    start: splitRate(p.start, parts, i),
    stages: p.stages.map((s) => ({ durationMs: s.durationMs, target: splitRate(s.target, parts, i) })),
    slice: { index: base.index + i * base.of, of: base.of * parts, whole: base.whole },
  };
}

/** How many requests a whole plan starts: every k below the integral of its rate. */
const arrivalCount = (p: Pick<OpenPlan, 'start' | 'stages'>) => Math.max(0, Math.ceil(expectedPerStage(p).reduce((a, b) => a + b, 0) - EPS));

/** True when the plan starts nothing: every rate in it is 0, or (a slice) the whole plan has fewer arrivals than its index. */
export const planIsIdle = (p: OpenPlan) => (p.slice ? arrivalCount(p.slice.whole) <= p.slice.index : p.start.count === 0 && p.stages.every((s) => s.target.count === 0));
