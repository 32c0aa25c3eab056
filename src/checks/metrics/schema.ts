import { z } from 'zod';
import { DAY, duration, nameSchema, pathSchema, positiveDuration, severity } from '../../config/fields.js';

/**
 * How long a level must hold before it fires: a duration ("10m", at most 1d) or a count of runs
 * ("3 runs"), across consecutive runs with no unobserved gap (see sustained.ts).
 */
const forDuration = duration(DAY, { positive: true });
export const forSchema = z.union([z.number(), z.string()]).transform((v, ctx): { ms: number } | { runs: number } => {
  if (typeof v === 'string') {
    const t = v.trim();
    const sp = t.indexOf(' ');
    const word = sp < 0 ? '' : t.slice(sp + 1).trim();
    const n = sp < 0 ? NaN : Number(t.slice(0, sp));
    if (word === 'runs' || word === 'run') {
      if (!Number.isInteger(n) || n < 1 || n > 1000) {
        ctx.addIssue({ code: 'custom', message: 'expected a whole number of runs from 1 to 1000, such as "3 runs"', input: v });
        return z.NEVER;
      }
      return { runs: n };
    }
  }
  const parsed = forDuration.safeParse(v);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as "10m" (at most 1d) or a count of runs such as "3 runs"`, input: v });
    return z.NEVER;
  }
  return { ms: parsed.data };
});
export type ForSpec = z.output<typeof forSchema>;

/** The metrics check's part of an environment's config: `metrics:`, the app's monitoring endpoints. */
export const levelSchema = z
  .strictObject({
    severity,
    above: z.number().optional(),
    'at-least': z.number().optional(),
    below: z.number().optional(),
    'at-most': z.number().optional(),
    /** The level fires only once it held this long: "10m" or "3 runs". */
    for: forSchema.optional(),
  })
  .refine((l) => ['above', 'at-least', 'below', 'at-most'].filter((k) => k in l).length === 1, {
    message: 'expected exactly one of above, at-least, below, at-most',
  });
export type Level = z.infer<typeof levelSchema>;

/**
 * A percent-valued metric. `unit` says how the app reports it: `percent` (99.1) or `fraction` (0.991).
 * Left out, a value above 1 is read as percent; for the payment success rate a value in (0, 1] is
 * ambiguous and reported as unreadable rather than guessed.
 */
const metricField = z.strictObject({
  field: z.string().min(1),
  unit: z.enum(['percent', 'fraction'], { error: 'expected percent (99.1) or fraction (0.991)' }).optional(),
  levels: z.array(levelSchema).min(1).optional(),
});

const endpointCommon = {
  timeout: positiveDuration.default(5000),
  retries: z.int().min(0).max(10).default(2),
};

export const metricsSchema = z.strictObject({
  system: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/system-metrics'),
      ...endpointCommon,
      cpu: metricField.optional(),
      memory: metricField.optional(),
      disk: metricField.optional(),
    })
    .optional(),
  usage: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/usage-stats'),
      ...endpointCommon,
      'payment-success-rate': metricField.optional(),
    })
    .optional(),
  alerts: z
    .strictObject({
      path: pathSchema.default('/api/monitoring/alerts'),
      ...endpointCommon,
      items: z.string().default('alerts'),
      level: z.string().default('level'),
      message: z.string().default('message'),
      id: z.string().default('type'),
    })
    .optional(),
  thresholds: z
    .array(
      z.strictObject({
        name: nameSchema,
        source: z.enum(['system', 'usage']),
        /** Where the value is in the endpoint's JSON; or `ratio`. */
        field: z.string().min(1).optional(),
        /** A derived percentage: 100 × `of` ÷ `to`, both paths in the same endpoint's JSON. */
        ratio: z.strictObject({ of: z.string().min(1), to: z.string().min(1) }).optional(),
        unit: z.string().default(''),
        /** The field is a counter: judge its increase per hour between runs (a reset starts it again). */
        rate: z.literal('per-hour', { error: 'expected per-hour' }).optional(),
        /** With rate: the rate against the median of the same hour of the week over `baseline`. */
        spike: z.strictObject({
          factor: z.number().min(1),
          baseline: duration(28 * DAY, { positive: true }).refine((ms) => ms >= DAY, { message: 'expected a baseline of at least 1d, such as "7d"' }).default(7 * DAY),
          /** The least increase since the previous run that can be a spike (3 → 9 failed logins is not one). */
          'min-count': z.int().min(1).default(5),
          severity: severity.default('sev3'),
        }).optional(),
        /** Optional with spike; otherwise at least one. */
        levels: z.array(levelSchema).default([]),
      }),
    )
    .default([]),
}).superRefine((m, ctx) => {
  // A threshold on an endpoint that is never fetched would be dropped in silence.
  for (const [i, t] of m.thresholds.entries()) {
    if (t.levels.length === 0 && !t.spike) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'levels'], message: `threshold "${t.name}" needs levels (or a spike)`, input: t.name });
    }
    if (t.spike && !t.rate) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'spike'], message: `threshold "${t.name}": spike compares rates, so it needs rate: per-hour`, input: t.name });
    }
    if ((t.field === undefined) === (t.ratio === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i], message: `threshold "${t.name}" needs exactly one of field (a value) and ratio ({ of, to }: 100 × of ÷ to)`, input: t.name });
    }
    if (!m[t.source]) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'source'], message: `the ${t.source} endpoint is not configured, so threshold "${t.name}" would never be read; add metrics.${t.source} (its path has a default)`, input: t.source });
    }
  }
});
export type MetricsConfig = z.infer<typeof metricsSchema>;
