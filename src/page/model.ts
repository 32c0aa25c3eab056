import { quantileSorted } from 'simple-statistics';
import { DAY, HOUR } from '../config/fields.js';
import type { Severity } from '../core/severity.js';
import type { RunRecord } from '../history/record.js';
import type { SloConfig } from '../history/schema.js';
import { judgeSlo } from '../history/judge/slo.js';
import { medianInterval, pointsOf, spansOf, tally, type Subject } from '../history/judge/timeline.js';

/**
 * The status page as data, pure: records (+ incident issues) → per environment and probe the
 * current state, a daily bar of up/down/unobserved time, availability over fixed windows, a daily
 * p95 latency series and the SLO. Time is cut with the run history's own timeline (`judge/timeline`),
 * so the page and the SLO judgement agree. No words here: the renderers write them.
 */

export const PAGE_SCHEMA = 'launchguard.status/v1';
/** Days in the bar. */
export const PAGE_DAYS = 90;
export const WINDOWS = [
  { key: '24h', ms: DAY },
  { key: '7d', ms: 7 * DAY },
  { key: '30d', ms: 30 * DAY },
  { key: '90d', ms: 90 * DAY },
] as const;
export type WindowKey = (typeof WINDOWS)[number]['key'];

export interface DayBucket {
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  readonly upMs: number;
  readonly downMs: number;
  /** Time of the day (up to now) that no run observed. */
  readonly unobservedMs: number;
  /** up ÷ (up + down) in percent; absent when nothing was observed that day. */
  readonly availabilityPct?: number;
  /** p95 of the probe's latency in ms over the day's runs (probes only; absent without runs). */
  readonly p95Ms?: number;
}

export interface SubjectSlo {
  readonly targetPct: number;
  readonly windowMs: number;
  readonly availabilityPct?: number;
  readonly budgetRemainingPct: number;
  readonly allowedDownMs: number;
  readonly downMs: number;
}

export interface SubjectModel {
  /** undefined for the environment as a whole (every probe up). */
  readonly probe?: string;
  /** The last run's result for the subject: unknown when it did not probe it (or there was no run). */
  readonly state: 'up' | 'down' | 'unknown';
  /** When the last run that probed the subject started (ISO), if any. */
  readonly lastRunAt?: string;
  readonly windows: Readonly<Record<WindowKey, number | undefined>>;
  readonly days: readonly DayBucket[];
  readonly slo?: SubjectSlo;
}

export interface IncidentInput {
  readonly environment: string;
  readonly title: string;
  readonly severity: Severity;
  readonly url: string;
  readonly openedAt: string;
  /** Absent while open. */
  readonly closedAt?: string;
}

export interface IncidentModel extends IncidentInput {
  readonly open: boolean;
  /** Open: time so far (to now); closed: time to resolve. */
  readonly durationMs: number;
}

export interface EnvironmentModel {
  readonly name: string;
  readonly overall: SubjectModel;
  readonly probes: readonly SubjectModel[];
  readonly incidents: readonly IncidentModel[];
  /** Records read over the page's 90 days. */
  readonly runs: number;
}

export interface PageModel {
  readonly schema: typeof PAGE_SCHEMA;
  readonly generatedAt: string;
  readonly days: number;
  readonly environments: readonly EnvironmentModel[];
}

export interface EnvironmentInput {
  readonly name: string;
  /** Records of the last 90 days, oldest first. */
  readonly records: readonly RunRecord[];
  readonly slo?: SloConfig;
}

const dayStartOf = (ms: number): number => Math.floor(ms / DAY) * DAY;
const pct = (up: number, down: number): number | undefined => (up + down > 0 ? (100 * up) / (up + down) : undefined);

/** Probe names seen in the records, sorted. */
export function probeNames(records: readonly RunRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.p ?? {})) names.add(k);
  return [...names].sort();
}

function latenciesByDay(records: readonly RunRecord[], probe: string, firstDay: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of records) {
    const p = r.p && Object.hasOwn(r.p, probe) ? r.p[probe] : undefined;
    if (!p) continue;
    const d = dayStartOf(Date.parse(r.t));
    if (d < firstDay) continue;
    const list = out.get(d) ?? [];
    list.push(p[1]);
    out.set(d, list);
  }
  return out;
}

function subjectModel(records: readonly RunRecord[], subject: Subject, now: number, slo: { targetPct: number; windowMs: number } | undefined): SubjectModel {
  const points = pointsOf(records, subject).filter((p) => p.t <= now);
  const fallback = medianInterval(points);
  const spans = spansOf(points, now, fallback);
  const today = dayStartOf(now);
  const firstDay = today - (PAGE_DAYS - 1) * DAY;
  const latencies = subject.kind === 'probe' ? latenciesByDay(records, subject.probe, firstDay) : undefined;
  const days: DayBucket[] = [];
  for (let d = firstDay; d <= today; d += DAY) {
    const end = Math.min(d + DAY, now);
    const t = tally(spans, d, end);
    const a = pct(t.upMs, t.downMs);
    const lat = latencies?.get(d)?.sort((x, y) => x - y);
    days.push({
      day: new Date(d).toISOString().slice(0, 10),
      upMs: t.upMs,
      downMs: t.downMs,
      unobservedMs: Math.max(0, end - d - t.upMs - t.downMs),
      ...(a !== undefined ? { availabilityPct: a } : {}),
      ...(lat?.length ? { p95Ms: quantileSorted(lat, 0.95) } : {}),
    });
  }
  const windows = Object.fromEntries(WINDOWS.map((w) => {
    const t = tally(spans, now - w.ms, now);
    return [w.key, pct(t.upMs, t.downMs)];
  })) as Record<WindowKey, number | undefined>;
  const probed = points.filter((p) => p.up !== undefined);
  const last = probed.at(-1);
  const state = last === undefined ? 'unknown' : last.up ? 'up' : 'down';
  let sloModel: SubjectSlo | undefined;
  if (slo) {
    const s = judgeSlo(points, now, slo, fallback);
    sloModel = { targetPct: s.targetPct, windowMs: s.windowMs, ...(s.availabilityPct !== undefined ? { availabilityPct: s.availabilityPct } : {}), budgetRemainingPct: s.budgetRemainingPct, allowedDownMs: s.allowedDownMs, downMs: s.downMs };
  }
  return {
    ...(subject.kind === 'probe' ? { probe: subject.probe } : {}),
    state,
    ...(last ? { lastRunAt: new Date(last.t).toISOString() } : {}),
    windows,
    days,
    ...(sloModel ? { slo: sloModel } : {}),
  };
}

/** Open incidents, and those closed within the page's 90 days; open first, then the newest. */
export function incidentModels(incidents: readonly IncidentInput[], environment: string, now: number): IncidentModel[] {
  const since = now - PAGE_DAYS * DAY;
  return incidents
    .filter((i) => i.environment === environment && (i.closedAt === undefined || Date.parse(i.closedAt) >= since))
    .map((i) => {
      const end = i.closedAt === undefined ? now : Date.parse(i.closedAt);
      return { ...i, open: i.closedAt === undefined, durationMs: Math.max(0, end - Date.parse(i.openedAt)) };
    })
    .sort((a, b) => Number(b.open) - Number(a.open) || Date.parse(b.openedAt) - Date.parse(a.openedAt));
}

/** The page of every environment at `now`. */
export function buildPageModel(environments: readonly EnvironmentInput[], incidents: readonly IncidentInput[], now: number): PageModel {
  return {
    schema: PAGE_SCHEMA,
    generatedAt: new Date(now).toISOString(),
    days: PAGE_DAYS,
    environments: environments.map((e) => {
      const records = e.records.filter((r) => Date.parse(r.t) <= now && Date.parse(r.t) >= now - PAGE_DAYS * DAY - HOUR * 48);
      const envSlo = e.slo ? { targetPct: e.slo.availability, windowMs: e.slo.window } : undefined;
      return {
        name: e.name,
        overall: subjectModel(records, { kind: 'environment' }, now, envSlo),
        probes: probeNames(records).map((probe) => {
          const ps = e.slo?.probes && Object.hasOwn(e.slo.probes, probe) ? e.slo.probes[probe] : undefined;
          return subjectModel(records, { kind: 'probe', probe }, now, ps ? { targetPct: ps.availability, windowMs: ps.window ?? e.slo!.window } : undefined);
        }),
        incidents: incidentModels(incidents, e.name, now),
        runs: records.filter((r) => Date.parse(r.t) >= now - PAGE_DAYS * DAY).length,
      };
    }),
  };
}
