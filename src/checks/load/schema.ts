import { z } from 'zod';
import { formatMs } from '../../config/duration.js';
import { DAY, duration, durationSchema, HOUR, MINUTE, percentSchema, positiveDuration, requestFields, uniqueNames } from '../../config/fields.js';

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

export const loadSchema = z.strictObject({
  requests: z.array(loadRequestSchema).min(1).superRefine(uniqueNames).optional(),
  connections: z.int().min(1).default(10),
  /** Above 10 minutes (with warmup) only with allow-heavy; never above a day. */
  duration: duration(DAY, { positive: true }).default(10_000),
  amount: z.int().min(1).optional(),
  /** A cap on requests per second over all connections, so a production service is not flattened. */
  rate: z.int().min(1).optional(),
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
  if (!l['allow-heavy'] && l.duration + l.warmup > LOAD_CAP_MS) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: `duration plus warmup is ${formatMs(l.duration + l.warmup)}, above the safety cap of 10 minutes; set allow-heavy: true if you mean it` });
  }
});
export type LoadConfig = z.infer<typeof loadSchema>;
