import { z } from 'zod';
import { DAY, duration, severity } from '../config/fields.js';

/** `incidents:` in the config: when an issue opens, closes, reopens and reminds. */

const optionalDuration = duration(365 * DAY, { off: true }).transform((v): number | undefined => v);

export const incidentsSchema = z.strictObject({
  /** Consecutive failing runs before an issue opens. Probes already retry within a run, so 1. */
  'open-after': z.int().min(1).max(100).default(1),
  /** Consecutive passing runs before an issue closes. */
  'close-after': z.int().min(1).max(100).default(2),
  /** A failure within this long after closing reopens the same issue; later ones open a new issue. */
  'reopen-within': duration(365 * DAY).default(24 * 3600_000),
  /** A reminder comment on an incident still open after this long ("off" for none). */
  'remind-after': optionalDuration.optional(),
  /** At most this many new issues per run; the rest are listed in the summary. */
  'max-new-per-run': z.int().min(0).max(100).default(10),
  /** Findings below this severity do not become issues. */
  'min-severity': severity.default('sev4'),
  labels: z
    .strictObject({
      base: z.string().min(1).default('launchguard'),
      sev1: z.string().min(1).default('sev1'),
      sev2: z.string().min(1).default('sev2'),
      sev3: z.string().min(1).default('sev3'),
      sev4: z.string().min(1).default('sev4'),
      'environment-prefix': z.string().default('env:'),
    })
    .default({ base: 'launchguard', sev1: 'sev1', sev2: 'sev2', sev3: 'sev3', sev4: 'sev4', 'environment-prefix': 'env:' }),
  /** Where open-after > 1 keeps its counters before an issue exists. */
  branch: z.string().min(1).default('launchguard-data'),
});
export type IncidentsConfig = z.infer<typeof incidentsSchema>;
