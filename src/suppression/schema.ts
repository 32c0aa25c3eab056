import { z } from 'zod';
import { DAY, duration, nameSchema, uniqueNames } from '../config/fields.js';
import { isTimeZone } from './zoned.js';

/**
 * `maintenance:` and `silences:` at the top level of the config. A window applies to every
 * environment unless it names some; a silence names its fingerprints by a glob.
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** How long a window may last: a week. A weekly window must also leave a gap before its next occurrence (coversWeek). */
export const MAX_WINDOW_MS = 7 * DAY;

const windowInput = z.strictObject({
  name: nameSchema,
  /** Weekdays, lower-case; absent for a one-off window. */
  every: z.array(z.enum(WEEKDAYS, { error: 'expected a weekday in lower case' })).min(1, 'expected at least one weekday').optional(),
  /** "HH:MM" local time in `timezone` with `every`; an ISO instant with its offset without. */
  start: z.string({ error: 'expected "HH:MM" (with every) or an instant such as "2026-12-03T22:00:00Z"' }),
  duration: duration(MAX_WINDOW_MS, { positive: true }),
  timezone: z.string().optional(),
  environments: z.array(z.string().min(1)).min(1).optional(),
});

export type MaintenanceWindow =
  | { readonly kind: 'weekly'; readonly name: string; readonly every: readonly Weekday[]; readonly start: string; readonly hour: number; readonly minute: number; readonly timezone: string; readonly durationMs: number; readonly environments?: readonly string[] }
  | { readonly kind: 'once'; readonly name: string; readonly start: string; readonly startMs: number; readonly durationMs: number; readonly environments?: readonly string[] };

const windowSchema = windowInput.transform((w, ctx): MaintenanceWindow => {
  const envs = w.environments ? { environments: w.environments } : {};
  if (w.every) {
    const m = HH_MM.exec(w.start);
    const timezone = w.timezone ?? 'UTC';
    if (!m) ctx.addIssue({ code: 'custom', path: ['start'], message: 'expected a local time "HH:MM" (00:00 to 23:59) with every:; quote it in YAML ("02:00")', input: w.start });
    if (!isTimeZone(timezone)) ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'expected an IANA time zone name such as "Europe/Berlin" or "UTC"', input: timezone });
    if (!m || !isTimeZone(timezone)) return z.NEVER;
    if (coversWeek(w.every, w.duration)) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: `expected a window that ends: every: [${[...new Set(w.every)].join(', ')}] for this duration covers the whole week (each occurrence lasts until the next begins), so no incident would ever open or close; for a longer hold use a one-off window or a silence with until`, input: w.duration });
      return z.NEVER;
    }
    return { kind: 'weekly', name: w.name, every: [...new Set(w.every)], start: w.start, hour: Number(m[1]), minute: Number(m[2]), timezone, durationMs: w.duration, ...envs };
  }
  if (w.timezone !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['timezone'], message: 'a one-off window (no every:) takes its offset from start ("2026-12-03T22:00:00+01:00"); timezone is for weekly windows', input: w.timezone });
    return z.NEVER;
  }
  const iso = z.iso.datetime({ offset: true }).safeParse(w.start);
  if (!iso.success) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: 'expected an instant with its offset such as "2026-12-03T22:00:00Z" (or every: with "HH:MM")', input: w.start });
    return z.NEVER;
  }
  return { kind: 'once', name: w.name, start: w.start, startMs: Date.parse(w.start), durationMs: w.duration, ...envs };
});

/** Whether weekly occurrences on these days, each lasting `ms`, leave no gap in the week (DST hours aside). */
function coversWeek(every: readonly Weekday[], ms: number): boolean {
  const days = [...new Set(every)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  return days.every((d, i) => ms >= ((days[(i + 1) % days.length]! - d + 7) % 7 || 7) * DAY);
}

export const maintenanceSchema = z.array(windowSchema).superRefine(uniqueNames);

export interface Silence {
  /** A glob over fingerprints (`environment:check:subject`): `*` is any run of characters, nothing else is special. */
  readonly match: string;
  /** As written: a date (through the end of that day, UTC) or an instant with its offset. */
  readonly until: string;
  /** The first instant the silence no longer holds. */
  readonly untilMs: number;
  readonly reason: string;
}

const silenceSchema = z
  .strictObject({
    match: z.string().min(1, 'expected a fingerprint glob such as "production:load:*"').max(300),
    until: z.string({ error: 'expected a date "2026-12-10" or an instant "2026-12-10T18:00:00Z"' }),
    reason: z.string().trim().min(1, 'expected a reason: the summary shows it beside every silenced finding').max(300),
  })
  .transform((s, ctx): Silence => {
    if (z.iso.date().safeParse(s.until).success) {
      const [y, m, d] = s.until.split('-').map(Number) as [number, number, number];
      return { ...s, untilMs: Date.UTC(y, m - 1, d + 1) };
    }
    if (z.iso.datetime({ offset: true }).safeParse(s.until).success) return { ...s, untilMs: Date.parse(s.until) };
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'expected a date "2026-12-10" (through the end of that day, UTC) or an instant with its offset "2026-12-10T18:00:00Z"', input: s.until });
    return z.NEVER;
  });

export const silencesSchema = z.array(silenceSchema);
