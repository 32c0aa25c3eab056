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
 * At most this many fingerprints of each kind per record, and at most this many characters of them:
 * a target listing thousands of alerts (or long collection names) must not make a record of tens of
 * kilobytes. The history's own come first (the schedule-gap rule reads them back).
 */
export const MAX_RECORD_FINGERPRINTS = 100;
export const MAX_RECORD_FINGERPRINT_CHARS = 2500;

function capped(list: readonly string[]): string[] {
  const unique = [...new Set(list)];
  const out: string[] = [];
  let chars = 0;
  for (const f of [...unique.filter((x) => x.startsWith('history:')), ...unique.filter((x) => !x.startsWith('history:'))]) {
    if (out.length === MAX_RECORD_FINGERPRINTS) break;
    if (chars + f.length > MAX_RECORD_FINGERPRINT_CHARS) continue;
    chars += f.length;
    out.push(f);
  }
  return out;
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
