import { DateTime } from 'luxon';
import { median, quantileSorted } from 'simple-statistics';
import { DAY, HOUR } from '../config/fields.js';
import type { Severity } from '../core/severity.js';
import type { RunRecord } from '../history/record.js';
import type { SloConfig } from '../history/schema.js';
import { judgeSlo } from '../history/judge/slo.js';
import { medianInterval, pointsOf, spansOf, tally, type RunPoint } from '../history/judge/timeline.js';
import type { IncidentInput } from '../page/model.js';

/**
 * The Monday review as data, pure: the last complete ISO week (UTC) of each environment's run
 * history and incident issues against the week before. Time is cut by the run history's timeline,
 * as the SLO and the status page cut it. No words: `render.ts` writes them.
 */

export interface Week {
  /** ISO week, e.g. 2026-W48. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** The last ISO week (Monday 00:00 to Monday 00:00 UTC) that ended at or before `now`. */
export function reviewWeek(now: number): Week {
  const end = DateTime.fromMillis(now, { zone: 'utc' }).startOf('week');
  const start = end.minus({ weeks: 1 });
  return { label: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`, from: start.toMillis(), to: end.toMillis() };
}

/** The guide's time-to-resolve targets in ms (SEV4's "next sprint" has none). */
export const RESOLVE_TARGET_MS: Readonly<Record<Severity, number | undefined>> = { sev1: HOUR, sev2: 4 * HOUR, sev3: DAY, sev4: undefined };

export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly n: number;
}

export interface Trend {
  readonly p50?: number;
  readonly p95?: number;
  readonly previousP50?: number;
  readonly previousP95?: number;
}

export interface ReviewIncident extends IncidentInput {
  readonly openedInWeek: boolean;
  readonly closedInWeek: boolean;
  /** Closed: time to resolve. */
  readonly resolveMs?: number;
  readonly targetMs?: number;
  /** Closed within its SEV target; undefined without a target or when open. */
  readonly withinTarget?: boolean;
}

export interface EnvironmentReview {
  readonly name: string;
  readonly runs: number;
  readonly upMs: number;
  readonly downMs: number;
  readonly unobservedMs: number;
  readonly availabilityPct?: number;
  readonly previousAvailabilityPct?: number;
  /** At the week's end, over the SLO window. */
  readonly slo?: { readonly targetPct: number; readonly windowMs: number; readonly availabilityPct?: number; readonly budgetRemainingPct: number };
  /** Each probe's latency over the week's runs against the week before. */
  readonly latency: readonly ({ readonly probe: string } & Trend)[];
  /** The load test's p95 (median over the runs) and error rate. */
  readonly load?: { readonly p95: Trend; readonly errorRate: Spread };
  readonly metrics: readonly ({ readonly name: string } & Spread)[];
  /** Availability per UTC day of the week. */
  readonly daily: readonly { readonly day: string; readonly availabilityPct?: number; readonly p95Ms?: number }[];
  /** The three fingerprints (without the environment) that spent the most time failing. */
  readonly topProblems: readonly { readonly subject: string; readonly failingMs: number }[];
  /** Observed ÷ the week, and the median interval between runs. */
  readonly coverage: { readonly observedPct: number; readonly medianIntervalMs?: number };
  readonly incidents: readonly ReviewIncident[];
}

export interface Review {
  readonly week: Week;
  readonly environments: readonly EnvironmentReview[];
}

export interface ReviewEnvironmentInput {
  readonly name: string;
  /** Records from before the week before (and the SLO window) up to the week's end, oldest first. */
  readonly records: readonly RunRecord[];
  readonly slo?: SloConfig;
}

const inRange = (r: RunRecord, from: number, to: number): boolean => {
  const t = Date.parse(r.t);
  return t >= from && t < to;
};

function spread(values: readonly number[]): Spread | undefined {
  if (values.length === 0) return undefined;
  return { min: Math.min(...values), median: median([...values]), max: Math.max(...values), n: values.length };
}

function percentiles(values: number[]): { p50?: number; p95?: number } {
  if (values.length === 0) return {};
  const s = values.sort((a, b) => a - b);
  return { p50: quantileSorted(s, 0.5), p95: quantileSorted(s, 0.95) };
}

function trend(now: number[], before: number[]): Trend {
  const a = percentiles(now);
  const b = percentiles(before);
  return { ...a, ...(b.p50 !== undefined ? { previousP50: b.p50 } : {}), ...(b.p95 !== undefined ? { previousP95: b.p95 } : {}) };
}

function availability(points: readonly RunPoint[], end: number, from: number, to: number): { upMs: number; downMs: number; unobservedMs: number; pct?: number } {
  const t = tally(spansOf(points.filter((p) => p.t < end), end, medianInterval(points)), from, to);
  const o = t.upMs + t.downMs;
  return { ...t, unobservedMs: to - from - o, ...(o > 0 ? { pct: (100 * t.upMs) / o } : {}) };
}

/** Time each fingerprint spent failing in the week: a run that failed it stands for its span, as a down run does. */
function topProblems(records: readonly RunRecord[], week: Week): { subject: string; failingMs: number }[] {
  const subjects = new Set<string>();
  for (const r of records) if (inRange(r, week.from, week.to)) for (const f of r.f ?? []) subjects.add(f);
  const fallback = medianInterval(records.map((r) => ({ t: Date.parse(r.t) })));
  return [...subjects]
    .map((subject) => {
      const points = records.map((r) => ({ t: Date.parse(r.t), up: !(r.f ?? []).includes(subject), ...(r.i !== undefined ? { expectedMs: r.i } : {}) }));
      return { subject, failingMs: tally(spansOf(points, week.to, fallback), week.from, week.to).downMs };
    })
    .filter((p) => p.failingMs > 0)
    .sort((a, b) => b.failingMs - a.failingMs || a.subject.localeCompare(b.subject))
    .slice(0, 3);
}

export function reviewIncidents(incidents: readonly IncidentInput[], environment: string, week: Week): ReviewIncident[] {
  const within = (iso: string | undefined) => iso !== undefined && Date.parse(iso) >= week.from && Date.parse(iso) < week.to;
  return incidents
    .filter((i) => i.environment === environment && (within(i.openedAt) || within(i.closedAt)))
    .map((i) => {
      const resolveMs = i.closedAt !== undefined ? Date.parse(i.closedAt) - Date.parse(i.openedAt) : undefined;
      const targetMs = RESOLVE_TARGET_MS[i.severity];
      return {
        ...i,
        openedInWeek: within(i.openedAt),
        closedInWeek: within(i.closedAt),
        ...(resolveMs !== undefined ? { resolveMs } : {}),
        ...(targetMs !== undefined ? { targetMs } : {}),
        ...(resolveMs !== undefined && targetMs !== undefined ? { withinTarget: resolveMs <= targetMs } : {}),
      };
    })
    .sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
}

function environmentReview(e: ReviewEnvironmentInput, incidents: readonly IncidentInput[], week: Week): EnvironmentReview {
  const prev = { from: week.from - 7 * DAY, to: week.from };
  const records = e.records.filter((r) => Date.parse(r.t) < week.to);
  const thisWeek = records.filter((r) => inRange(r, week.from, week.to));
  const lastWeek = records.filter((r) => inRange(r, prev.from, prev.to));
  const points = pointsOf(records, { kind: 'environment' });
  const a = availability(points, week.to, week.from, week.to);
  const b = availability(points, week.from, prev.from, prev.to);
  const probes = [...new Set(thisWeek.flatMap((r) => Object.keys(r.p ?? {})))].sort();
  const lat = (rs: readonly RunRecord[], probe: string) => rs.flatMap((r) => (r.p && Object.hasOwn(r.p, probe) ? [r.p[probe]![1]] : []));
  const loads = thisWeek.flatMap((r) => (r.l ? [r.l] : []));
  const metricNames = [...new Set(thisWeek.flatMap((r) => Object.keys(r.m ?? {})))].sort();
  const daily = Array.from({ length: 7 }, (_, d) => {
    const from = week.from + d * DAY;
    const day = availability(points, week.to, from, from + DAY);
    const p95 = percentiles(thisWeek.filter((r) => inRange(r, from, from + DAY)).flatMap((r) => Object.values(r.p ?? {}).map((p) => p[1]))).p95;
    return { day: new Date(from).toISOString().slice(0, 10), ...(day.pct !== undefined ? { availabilityPct: day.pct } : {}), ...(p95 !== undefined ? { p95Ms: p95 } : {}) };
  });
  let slo: EnvironmentReview['slo'];
  if (e.slo) {
    const s = judgeSlo(points.filter((p) => p.t <= week.to), week.to, { targetPct: e.slo.availability, windowMs: e.slo.window }, medianInterval(points));
    slo = { targetPct: s.targetPct, windowMs: s.windowMs, ...(s.availabilityPct !== undefined ? { availabilityPct: s.availabilityPct } : {}), budgetRemainingPct: s.budgetRemainingPct };
  }
  const errorRate = spread(loads.map((l) => l.er));
  const interval = medianInterval(thisWeek.map((r) => ({ t: Date.parse(r.t) })));
  return {
    name: e.name,
    runs: thisWeek.length,
    upMs: a.upMs,
    downMs: a.downMs,
    unobservedMs: a.unobservedMs,
    ...(a.pct !== undefined ? { availabilityPct: a.pct } : {}),
    ...(b.pct !== undefined ? { previousAvailabilityPct: b.pct } : {}),
    ...(slo ? { slo } : {}),
    latency: probes.map((probe) => ({ probe, ...trend(lat(thisWeek, probe), lat(lastWeek, probe)) })),
    ...(errorRate ? { load: { p95: trend(loads.map((l) => l.p95), lastWeek.flatMap((r) => (r.l ? [r.l.p95] : []))), errorRate } } : {}),
    metrics: metricNames.map((name) => ({ name, ...spread(thisWeek.flatMap((r) => (r.m && Object.hasOwn(r.m, name) ? [r.m[name]!] : [])))! })),
    daily,
    topProblems: topProblems(records, week),
    coverage: { observedPct: (100 * (a.upMs + a.downMs)) / (week.to - week.from), ...(interval !== undefined ? { medianIntervalMs: interval } : {}) },
    incidents: reviewIncidents(incidents, e.name, week),
  };
}

export function buildReview(environments: readonly ReviewEnvironmentInput[], incidents: readonly IncidentInput[], now: number): Review {
  const week = reviewWeek(now);
  return { week, environments: environments.map((e) => environmentReview(e, incidents, week)) };
}
