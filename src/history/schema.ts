import { z } from 'zod';
import { DAY, duration, nameSchema, percentSchema } from '../config/fields.js';

/**
 * An environment's `history:` (where the run history is kept) and `slo:` (the availability
 * objective judged from it). Strict objects, as every part of the config.
 */

export const runHistorySchema = z.strictObject({
  /** False: this environment's runs are not recorded (and nothing is judged from history). */
  record: z.boolean().default(true),
  /** The data branch the action appends to: `launchguard/history/<environment>/<YYYY-MM>.jsonl`. */
  branch: z.string().min(1).default('launchguard-data'),
  /** Where the CLI keeps the same records: `<directory>/<environment>/<YYYY-MM>.jsonl`. */
  directory: z.string().min(1).default('.launchguard/history'),
});
export type RunHistoryConfig = z.infer<typeof runHistorySchema>;
export const RUN_HISTORY_DEFAULTS: RunHistoryConfig = { record: true, branch: 'launchguard-data', directory: '.launchguard/history' };

/** The objective's target as a percentage below 100 %: 100 % leaves no budget to burn. */
const target = percentSchema.refine((p) => p > 0 && p < 100, { message: 'expected an objective above 0% and below 100%, such as "99.9%" (100% leaves no error budget)' });
/** The SLO window: at least an hour, at most 90 days (what one run reads from history). */
export const MAX_SLO_WINDOW_MS = 90 * DAY;
const window = duration(MAX_SLO_WINDOW_MS, { positive: true }).refine((ms) => ms >= 3_600_000, { message: 'expected a window of at least 1h, such as "30d"' });

export const sloSchema = z.strictObject({
  /** Time up ÷ time observed, over `window`, for the environment (every health probe up). */
  availability: target,
  window: window.default(30 * DAY),
  /** Objectives of single health probes, by probe name; each inherits the environment's window. */
  probes: z.record(nameSchema, z.strictObject({ availability: target, window: window.optional() })).optional(),
});
export type SloConfig = z.infer<typeof sloSchema>;
