import { z } from 'zod';
import { DEFAULT_RULE_SEVERITY } from '../core/severity.js';
import { headers, lowerCase, severity } from './fields.js';
import { healthSchema } from '../checks/health/schema.js';
import { metricsSchema } from '../checks/metrics/schema.js';
import { loadSchema } from '../checks/load/schema.js';
import { indexesSchema } from '../checks/indexes/schema.js';
import { auditsSchema } from '../checks/audits/schema.js';
import { incidentsSchema } from '../incidents/schema.js';
import { maintenanceSchema, silencesSchema } from '../suppression/schema.js';
import { notificationsSchema } from '../notifications/schema.js';
import { runHistorySchema, sloSchema, RUN_HISTORY_DEFAULTS } from '../history/schema.js';
import { canMatchSome } from '../suppression/silences.js';
import { FINDING_SOURCES } from '../core/types.js';

/**
 * The config file's schema, composed from each check's part (`src/checks/<name>/schema.ts`).
 * Every object is strict: an unknown key is an error, because a typo would otherwise switch a
 * check off in silence.
 */

export const environmentSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
  headers: headers.optional(),
  tls: z
    .strictObject({
      ca: z.string().optional(),
      'reject-unauthorized': z.boolean().default(true),
    })
    .optional(),
  health: healthSchema.optional(),
  metrics: metricsSchema.optional(),
  load: loadSchema.optional(),
  indexes: indexesSchema.optional(),
  audits: auditsSchema.optional(),
  /** Where each run's record is kept (see src/history/). */
  history: runHistorySchema.default(RUN_HISTORY_DEFAULTS),
  slo: sloSchema.optional(),
});
export type EnvironmentConfig = z.infer<typeof environmentSchema>;

const ruleIds = Object.keys(DEFAULT_RULE_SEVERITY) as [keyof typeof DEFAULT_RULE_SEVERITY];
const severityOverrides = z.partialRecord(
  z.enum(ruleIds, { error: `expected a rule id: ${ruleIds.join(', ')}` }),
  z.preprocess(lowerCase, z.union([severity, z.literal('off')], { error: 'expected sev1, sev2, sev3, sev4 or off' })),
);

export const configSchema = z.strictObject({
  version: z.literal(1, { error: 'expected 1' }).default(1),
  environments: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/), environmentSchema),
  severity: severityOverrides.default({}),
  incidents: incidentsSchema.default(() => incidentsSchema.parse({})),
  /** Windows in which findings are reported but open, escalate and close no incident (src/suppression/). */
  maintenance: maintenanceSchema.optional(),
  /** Fingerprint globs held from incidents until a date. */
  silences: silencesSchema.optional(),
  notifications: notificationsSchema.default([]),
}).superRefine((c, ctx) => {
  // A window naming an environment the config lacks would never apply: a typo, said at once.
  (c.maintenance ?? []).forEach((w, i) => (w.environments ?? []).forEach((e, j) => {
    if (!Object.hasOwn(c.environments, e)) ctx.addIssue({ code: 'custom', path: ['maintenance', i, 'environments', j], message: `expected an environment of this config (${Object.keys(c.environments).join(', ')})`, input: e });
  }));
  // A channel filtered to an environment the file does not define would never hear anything: a typo.
  c.notifications.forEach((ch, i) =>
    ch.environments?.forEach((e, j) => {
      if (!Object.hasOwn(c.environments, e)) ctx.addIssue({ code: 'custom', path: ['notifications', i, 'environments', j], message: `expected an environment of this file (${Object.keys(c.environments).join(', ')})`, input: e });
    }),
  );
  // A silence whose environment or check is mistyped would hold nothing: the same typo, said at once.
  (c.silences ?? []).forEach((s, i) => {
    if (!canMatchSome(s.match, Object.keys(c.environments), FINDING_SOURCES)) ctx.addIssue({ code: 'custom', path: ['silences', i, 'match'], message: `expected a glob over this config's fingerprints (environment:check:subject; environments: ${Object.keys(c.environments).join(', ')}; checks: ${FINDING_SOURCES.join(', ')}): this one matches none`, input: s.match });
  });
});
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
