import { HOUR, DAY } from '../../config/fields.js';
import type { MaintenanceSpan } from '../../suppression/windows.js';
import { inSpans, spansOf, tally, withMaintenance, type RunPoint, type Span, type Tally } from './timeline.js';

/**
 * The availability objective and its error budget, pure. Availability = up ÷ observed over the
 * window. The budget is (100 % − objective) of the window's length: 99.9 % over 30 d allows 43.2
 * minutes down; what is left is 1 − down ÷ allowed (below 0 once overspent).
 *
 * Burn rate over a span = (down ÷ observed in it) ÷ (100 % − objective): 1× spends the budget
 * exactly over the window. The alerts follow the Google SRE workbook's multiwindow, multi-burn-rate
 * scheme, adapted to runs minutes apart: each long window is confirmed by a short one of 1/12 of
 * its length, measured over the runs that started within it (this run included, at least this
 * run), since a 5-minute window holds no run of a 15-minute schedule.
 */
export const BURN_RULES = [
  { rule: 'slo-fast-burn', longMs: HOUR, factor: 14.4 },
  { rule: 'slo-fast-burn', longMs: 6 * HOUR, factor: 6 },
  { rule: 'slo-slow-burn', longMs: 3 * DAY, factor: 1 },
] as const;
/** The short window of a rule: 1/12 of its long window (1 h → 5 min, 6 h → 30 min, 3 d → 6 h). */
export const SHORT_FRACTION = 1 / 12;
/** The burn windows the summary shows. */
export const BURN_WINDOWS = [HOUR, 6 * HOUR, DAY, 3 * DAY] as const;

export interface SloSpec {
  /** The objective in percent, e.g. 99.9. */
  readonly targetPct: number;
  readonly windowMs: number;
}

export interface BurnCheck {
  readonly rule: 'slo-fast-burn' | 'slo-slow-burn';
  readonly longMs: number;
  readonly factor: number;
  /** Burn over the long window; undefined when nothing in it was observed. */
  readonly longBurn?: number;
  readonly shortMs: number;
  /** Burn over the runs of the short window; undefined when none of them probed the subject (outside maintenance). */
  readonly shortBurn?: number;
  readonly shortRuns: number;
  readonly fired: boolean;
}

export interface SloResult extends Tally {
  readonly targetPct: number;
  readonly windowMs: number;
  /** up ÷ (up + down) in percent; undefined when nothing was observed. */
  readonly availabilityPct?: number;
  /** Percent of the window's budget left (negative once overspent). */
  readonly budgetRemainingPct: number;
  readonly allowedDownMs: number;
  /** When the history in the window starts (the first run's start, or the window's start). */
  readonly from: number;
  /** True when the history starts after the window's start (a young history). */
  readonly historyStartsLate: boolean;
  /** Burn over 1 h, 6 h, 24 h and 3 d (undefined where nothing was observed). */
  readonly burns: readonly { readonly windowMs: number; readonly burn?: number }[];
  readonly checks: readonly BurnCheck[];
  /** Availability per UTC day of the window's last 14 days, oldest first (undefined: not observed). */
  readonly daily: readonly { readonly day: string; readonly availabilityPct?: number }[];
}

function burnOf(t: Tally, budgetFraction: number): number | undefined {
  const observed = t.upMs + t.downMs;
  return observed > 0 ? t.downMs / observed / budgetFraction : undefined;
}

/**
 * The SLO of one subject at `now`: `points` are the earlier runs and this one (last, at `now`),
 * oldest first; `fallbackMs` the interval for runs whose cron is unknown; `maintenance` the
 * environment's maintenance time (sorted, disjoint), which counts as neither up nor down: it is
 * carved out of the timeline, and a run that started in it is left out of the short windows.
 */
export function judgeSlo(points: readonly RunPoint[], now: number, spec: SloSpec, fallbackMs: number | undefined, maintenance: readonly MaintenanceSpan[] = []): SloResult {
  const budget = 1 - spec.targetPct / 100;
  const earlier = points.filter((p) => p.t < now);
  const spans: Span[] = withMaintenance(spansOf(earlier, now, fallbackMs), maintenance);
  const start = now - spec.windowMs;
  const from = Math.max(start, earlier[0]?.t ?? now);
  const total = tally(spans, start, now);
  const observed = total.upMs + total.downMs;
  const allowedDownMs = budget * spec.windowMs;
  const checks: BurnCheck[] = BURN_RULES.map((r) => {
    const longBurn = burnOf(tally(spans, now - r.longMs, now), budget);
    const shortMs = r.longMs * SHORT_FRACTION;
    const recent = points.filter((p) => p.t >= now - shortMs && p.t <= now);
    const runs = recent.length ? recent : points.slice(-1);
    const probed = runs.filter((p) => p.up !== undefined && !inSpans(p.t, maintenance));
    const shortBurn = probed.length ? probed.filter((p) => !p.up).length / probed.length / budget : undefined;
    const fired = longBurn !== undefined && shortBurn !== undefined && longBurn >= r.factor && shortBurn >= r.factor;
    return { rule: r.rule, longMs: r.longMs, factor: r.factor, ...(longBurn !== undefined ? { longBurn } : {}), shortMs, ...(shortBurn !== undefined ? { shortBurn } : {}), shortRuns: probed.length, fired };
  });
  const daily: { day: string; availabilityPct?: number }[] = [];
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  for (let d = 13; d >= 0; d--) {
    const dayStart = today - d * DAY;
    if (dayStart + DAY <= start) continue;
    const t = tally(spans, Math.max(dayStart, start), Math.min(dayStart + DAY, now));
    const o = t.upMs + t.downMs;
    daily.push({ day: new Date(dayStart).toISOString().slice(0, 10), ...(o > 0 ? { availabilityPct: (100 * t.upMs) / o } : {}) });
  }
  return {
    ...total,
    targetPct: spec.targetPct,
    windowMs: spec.windowMs,
    ...(observed > 0 ? { availabilityPct: (100 * total.upMs) / observed } : {}),
    budgetRemainingPct: 100 * (1 - total.downMs / allowedDownMs),
    allowedDownMs,
    from,
    historyStartsLate: from > start,
    burns: BURN_WINDOWS.map((w) => {
      const burn = burnOf(tally(spans, now - w, now), budget);
      return { windowMs: w, ...(burn !== undefined ? { burn } : {}) };
    }),
    checks,
    daily,
  };
}
