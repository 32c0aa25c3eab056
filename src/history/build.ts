import type { EnvironmentConfig } from '../config/schema.js';
import type { CheckResults } from '../checks/results.js';
import { readValue, scaled, thresholdsOf, unitProblemOf } from '../checks/metrics/levels.js';
import type { ScheduleInfo } from './cron.js';
import { RUN_SCHEMA, type RunRecord } from './record.js';

/** What a run's record is made of: its (redacted) report's parts and how it was started. */
export interface RecordInput {
  readonly environment: string;
  readonly startedAt: string;
  readonly results: CheckResults;
  readonly config: EnvironmentConfig;
  readonly observed: readonly string[];
  readonly failing: readonly string[];
  readonly worstSeverity: RunRecord['w'];
  readonly event?: string;
  readonly schedule?: ScheduleInfo;
}

/** The run as its history record: compact, figures only. Pure. */
export function recordOf(i: RecordInput): RunRecord {
  const strip = (f: string) => (f.startsWith(`${i.environment}:`) ? f.slice(i.environment.length + 1) : f);
  const probes = i.results.health ?? [];
  const p: NonNullable<RunRecord['p']> = {};
  for (const r of probes) p[r.name] = r.failure ? [0, Math.round(r.latencyMs), r.failure.class] : [1, Math.round(r.latencyMs)];
  const m = metricValues(i.results, i.config);
  const load = i.results.load?.overall;
  const s = i.schedule;
  return {
    schema: RUN_SCHEMA,
    t: i.startedAt,
    ...(i.event ? { ev: i.event } : {}),
    ...(s ? { c: s.cron } : {}),
    ...(s?.scheduledAt !== undefined ? { sch: new Date(s.scheduledAt).toISOString() } : {}),
    ...(s?.intervalMs !== undefined ? { i: s.intervalMs } : {}),
    ...(probes.length ? { p } : {}),
    ...(Object.keys(m).length ? { m } : {}),
    ...(load ? { l: { p95: load.latencyMs.p95, er: round(load.errorRate, 6), rps: round(load.requestsPerSecond, 2), n: load.requests } } : {}),
    ...(i.observed.length ? { o: capped(i.observed.map(strip)) } : {}),
    ...(i.failing.length ? { f: capped(i.failing.map(strip)) } : {}),
    ...(i.worstSeverity ? { w: i.worstSeverity } : {}),
  };
}

/**
 * At most this many fingerprints of each kind per record: a target listing thousands of alerts must
 * not make a record of hundreds of kilobytes. The history's own come first (the schedule-gap rule
 * reads them back).
 */
export const MAX_RECORD_FINGERPRINTS = 100;

function capped(list: readonly string[]): string[] {
  const unique = [...new Set(list)];
  return [...unique.filter((f) => f.startsWith('history:')), ...unique.filter((f) => !f.startsWith('history:'))].slice(0, MAX_RECORD_FINGERPRINTS);
}

/** Each threshold's value this run, in its unit, where the endpoint answered with a readable number. */
export function metricValues(results: CheckResults, config: EnvironmentConfig): Record<string, number> {
  const out: Record<string, number> = {};
  const bySource = new Map((results.metrics ?? []).map((r) => [r.source, r]));
  for (const t of thresholdsOf(config)) {
    const r = bySource.get(t.source);
    if (!r || r.failure) continue;
    const read = readValue(r.json, t);
    if (!read.found || typeof read.value !== 'number' || !Number.isFinite(read.value) || unitProblemOf(t, read.value)) continue;
    out[t.name] = round(scaled(t, read.value), 4);
  }
  return out;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
