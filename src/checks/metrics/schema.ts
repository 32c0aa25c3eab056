import { z } from 'zod';
import { nameSchema, pathSchema, positiveDuration, severity } from '../../config/fields.js';

/** The metrics check's part of an environment's config: `metrics:`, the app's monitoring endpoints. */
export const levelSchema = z
  .strictObject({
    severity,
    above: z.number().optional(),
    'at-least': z.number().optional(),
    below: z.number().optional(),
    'at-most': z.number().optional(),
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
        field: z.string().min(1),
        unit: z.string().default(''),
        levels: z.array(levelSchema).min(1),
      }),
    )
    .default([]),
}).superRefine((m, ctx) => {
  // A threshold on an endpoint that is never fetched would be dropped in silence.
  for (const [i, t] of m.thresholds.entries()) {
    if (!m[t.source]) {
      ctx.addIssue({ code: 'custom', path: ['thresholds', i, 'source'], message: `the ${t.source} endpoint is not configured, so threshold "${t.name}" would never be read; add metrics.${t.source} (its path has a default)`, input: t.source });
    }
  }
});
export type MetricsConfig = z.infer<typeof metricsSchema>;
