import { z } from 'zod';
import { formatMs } from '../../config/duration.js';
import { DAY, duration, durationSchema, HOUR, MINUTE, percentSchema, positiveDuration, requestFields, uniqueNames } from '../../config/fields.js';
import { parseArrivalRate, planMs, planOf, planIsIdle, splitPlan, splitRate, type ArrivalRate, type OpenPlan, type OpenSlice } from './open-schedule.js';

/** The load check's part of an environment's config: `load:`. */

/** The load run's length without allow-heavy. */
export const LOAD_CAP_MS = 10 * MINUTE;

export const budgetsSchema = z.strictObject({
  p50: positiveDuration.optional(),
  p95: positiveDuration.optional(),
  'error-rate': percentSchema.optional(),
});
export type Budgets = z.infer<typeof budgetsSchema>;

const loadRequestSchema = z.strictObject({
  ...requestFields,
  /** Optional and off by default: the load step is not a second health probe. */
  'expect-body-contains': z.string().min(1).optional(),
  budgets: budgetsSchema.optional(),
});
export type LoadRequestConfig = z.infer<typeof loadRequestSchema>;

/** The regression rule's default threshold, in percent of the baseline's p95. */
export const DEFAULT_REGRESSION_PCT = 25;

/** The most requests a second (or minute) an arrival rate may name: far above what one runner sends. */
const MAX_ARRIVALS = 1_000_000;
const arrivalRate = z.string().transform((v, ctx): ArrivalRate => {
  const r = parseArrivalRate(v);
  if (!r || r.count > MAX_ARRIVALS) {
    ctx.addIssue({ code: 'custom', message: `expected a whole number of requests per second or minute, such as "200/s" or "30/m" (at most ${MAX_ARRIVALS})`, input: v });
    return z.NEVER;
  }
  return r;
});

/** The open model's keys, and the closed model's keys that would contradict them. */
const OPEN_KEYS = ['arrival-rate', 'stages'] as const;
const CLOSED_ONLY = { connections: 'max-in-flight bounds the open model', rate: 'arrival-rate is the rate', amount: 'the open model runs for its duration or stages' } as const;

/** The open model and the closed one are exclusive where they conflict: each error names the key. */
function modelConflicts(raw: unknown, ctx: z.RefinementCtx): void {
  if (!raw || typeof raw !== 'object') return;
  const has = (k: string) => Object.hasOwn(raw, k);
  const open = OPEN_KEYS.filter(has);
  if (open.length === 0) {
    if (has('max-in-flight')) ctx.addIssue({ code: 'custom', path: ['max-in-flight'], message: 'max-in-flight bounds the open model only: set arrival-rate or stages with it, or use connections for the closed model', input: raw });
    return;
  }
  for (const [k, why] of Object.entries(CLOSED_ONLY)) {
    if (has(k)) ctx.addIssue({ code: 'custom', path: [k], message: `${k} is a closed-model key and cannot be combined with ${open.join(' and ')} (the open model): ${why}`, input: raw });
  }
  if (has('stages') && has('duration')) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'duration cannot be combined with stages: the stages\' durations add up to the run\'s length', input: raw });
}

const stageSchema = z.strictObject({ duration: duration(DAY, { positive: true }), target: arrivalRate });

export const loadObjectSchema = z.strictObject({
  requests: z.array(loadRequestSchema).min(1).superRefine(uniqueNames).optional(),
  connections: z.int().min(1).default(10),
  /** Above 10 minutes (with warmup) only with allow-heavy; never above a day. */
  duration: duration(DAY, { positive: true }).default(10_000),
  amount: z.int().min(1).optional(),
  /** A cap on requests per second over all connections, so a production service is not flattened. */
  rate: z.int().min(1).optional(),
  /** The open model: requests start on this schedule whether or not earlier ones finished ("200/s", "30/m"). */
  'arrival-rate': arrivalRate.optional(),
  /** The open model's bound on requests in flight: a request that cannot start on time is dropped, and counts as an error. */
  'max-in-flight': z.int().min(1).optional(),
  /** The open model's ramp, as k6's ramping-arrival-rate: each stage ramps linearly to its target. */
  stages: z.array(stageSchema).min(1).max(100).optional(),
  warmup: duration(HOUR).default(0),
  timeout: positiveDuration.default(10_000),
  /** Load generator processes on this runner: a number, or "auto" for one per CPU (at most 8). */
  workers: z.union([z.int().min(1).max(64), z.literal('auto')]).default(1),
  /** In gate mode the load test runs this many times and the median of each metric is judged. */
  samples: z.int().min(1).max(15).default(3),
  /** Lifts the safety caps of 1,000 connections and 10 minutes. */
  'allow-heavy': z.boolean().default(false),
  budgets: budgetsSchema.default({}),
  regression: z
    .strictObject({
      threshold: percentSchema.default(DEFAULT_REGRESSION_PCT),
      floor: durationSchema.default(20),
      'baseline-runs': z.int().min(1).max(100).default(10),
    })
    .default({ threshold: DEFAULT_REGRESSION_PCT, floor: 20, 'baseline-runs': 10 }),
  history: z
    .strictObject({
      branch: z.string().min(1).default('launchguard-data'),
      'max-entries': z.int().min(1).max(10_000).default(100),
      /** Where the CLI keeps the same history on disk. */
      directory: z.string().default('.launchguard/history'),
    })
    .default({ branch: 'launchguard-data', 'max-entries': 100, directory: '.launchguard/history' }),
}).superRefine((l, ctx) => {
  // The safety cap on the length of a load run, at the key that sets it (allow-heavy lifts it).
  const staged = l.stages !== undefined;
  const length = staged ? planMs(openPlanOf(l)) : l.duration;
  if (!l['allow-heavy'] && length + l.warmup > LOAD_CAP_MS) {
    const what = staged ? 'the stages plus warmup add up to' : 'duration plus warmup is';
    ctx.addIssue({ code: 'custom', path: [staged ? 'stages' : 'duration'], message: `${what} ${formatMs(length + l.warmup)}, above the safety cap of 10 minutes; set allow-heavy: true if you mean it` });
  }
  if (staged && length > DAY) ctx.addIssue({ code: 'custom', path: ['stages'], message: `the stages add up to ${formatMs(length)}, above the limit of a day` });
  if (!staged && l['arrival-rate']?.count === 0) ctx.addIssue({ code: 'custom', path: ['arrival-rate'], message: 'arrival-rate is 0 with no stages: nothing would be sent' });
  if (staged && l.stages!.length > 0 && (l['arrival-rate']?.count ?? 0) === 0 && l.stages!.every((s) => s.target.count === 0)) {
    ctx.addIssue({ code: 'custom', path: ['stages'], message: 'every stage targets 0 and arrival-rate is 0: nothing would be sent' });
  }
  // Every request on every worker holds at least one slot: more of them than max-in-flight would exceed it.
  const slots = (l.requests?.length ?? 1) * (typeof l.workers === 'number' ? l.workers : 1);
  const bound = l['max-in-flight'] ?? DEFAULT_MAX_IN_FLIGHT;
  if ((l['arrival-rate'] !== undefined || staged) && bound >= 1 && slots > bound) {
    const set = l['max-in-flight'] !== undefined ? `is ${bound}` : `is ${bound} by default`;
    ctx.addIssue({ code: 'custom', path: ['max-in-flight'], message: `max-in-flight ${set}, below one request in flight per request per worker (${l.requests?.length ?? 1} requests × ${typeof l.workers === 'number' ? l.workers : 1} workers = ${slots}); raise it or use fewer workers` });
  }
  if (!l['allow-heavy'] && (l['max-in-flight'] ?? 0) > MAX_IN_FLIGHT) {
    ctx.addIssue({ code: 'custom', path: ['max-in-flight'], message: `max-in-flight is ${l['max-in-flight']}, above the safety cap of ${MAX_IN_FLIGHT}; set allow-heavy: true if you mean it` });
  }
});
export const loadSchema = z.preprocess((raw, ctx) => {
  modelConflicts(raw, ctx);
  return raw;
}, loadObjectSchema);
/** `openSlice` is never configured: shards and workers set it on their slice of an open-model load. */
export type LoadConfig = z.infer<typeof loadObjectSchema> & { readonly openSlice?: OpenSlice };

/** The open model's bound when max-in-flight is not set, and its cap without allow-heavy (as connections'). */
export const DEFAULT_MAX_IN_FLIGHT = 500;
export const MAX_IN_FLIGHT = 1000;

/** True when the config asks for the open model. */
export const isOpenModel = (l: LoadConfig) => l['arrival-rate'] !== undefined || l.stages !== undefined;

/** The open model's schedule as the config gives it. */
export function openPlanOf(l: Pick<LoadConfig, 'arrival-rate' | 'stages' | 'duration' | 'openSlice'>): OpenPlan {
  const plan = planOf(l['arrival-rate'], l.stages?.map((s) => ({ durationMs: s.duration, target: s.target })), l.duration);
  return l.openSlice ? { ...plan, slice: l.openSlice } : plan;
}

/** Share `i` of `parts` of the open model's keys: every rate split exactly (the shares add up to it), max-in-flight with a floor of 1. */
export function splitOpen(l: LoadConfig, parts: number, i: number): Partial<LoadConfig> {
  if (!isOpenModel(l)) return {};
  const inFlight = l['max-in-flight'] ?? DEFAULT_MAX_IN_FLIGHT;
  return {
    // The arrivals are dealt round-robin from the whole schedule (see splitPlan); the rates are the slice's share.
    openSlice: splitPlan(openPlanOf(l), parts, i).slice!,
    ...(l['arrival-rate'] ? { 'arrival-rate': splitRate(l['arrival-rate'], parts, i) } : {}),
    ...(l.stages ? { stages: l.stages.map((s) => ({ duration: s.duration, target: splitRate(s.target, parts, i) })) } : {}),
    'max-in-flight': Math.max(1, Math.floor(inFlight / parts) + (i < inFlight % parts ? 1 : 0)),
  };
}

/** True when an open-model slice starts nothing: its share of every rate is 0. */
export const openIsIdle = (l: LoadConfig) => isOpenModel(l) && planIsIdle(openPlanOf(l));
