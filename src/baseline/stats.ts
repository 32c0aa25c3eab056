import { createHash } from 'node:crypto';
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { z } from 'zod';
import type { LoadConfig } from '../checks/load/schema.js';

/** Baseline history: one summary per monitored run on the default branch, newest last. */
export const HISTORY_SCHEMA = 'launchguard.history/v1';

const entrySchema = z.object({
  at: z.string(),
  sha: z.string().optional(),
  ref: z.string().optional(),
  runUrl: z.string().optional(),
  /** True when the run had no load finding at all: only such runs enter the baseline. */
  passed: z.boolean(),
  /** loadConfigHash of the load the run generated; entries of another config are not compared. */
  configHash: z.string().optional(),
  /** The target's origin (scheme, host, port). */
  origin: z.string().optional(),
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
  errorRate: z.number(),
  rps: z.number(),
  requests: z.number(),
});
export type BaselineEntry = z.infer<typeof entrySchema>;

const historySchema = z.object({
  schema: z.literal(HISTORY_SCHEMA),
  environment: z.string(),
  entries: z.array(entrySchema),
});
export type History = z.infer<typeof historySchema>;

/** Parses a stored history; a corrupt one is an error that says where it came from. */
export function parseHistory(text: string, where: string): History {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not valid JSON`);
  }
  const parsed = historySchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${where} is not a launchguard history (${i.path.join('.') || 'top level'}: ${i.message})`);
  }
  return parsed.data;
}

export function appendEntry(h: History | undefined, environment: string, entry: BaselineEntry, maxEntries: number): History {
  const entries = [...(h?.entries ?? []), entry];
  return { schema: HISTORY_SCHEMA, environment, entries: entries.slice(Math.max(0, entries.length - maxEntries)) };
}

export interface Baseline {
  /** The runs it was computed from, oldest first. */
  readonly runs: readonly BaselineEntry[];
  readonly p95: number;
  /** Median absolute deviation of p95 over those runs: the noise. */
  readonly p95Mad: number;
  readonly p50: number;
  readonly p99: number;
  readonly errorRate: number;
  readonly rps: number;
}

/**
 * What makes runs comparable: the load generated (connections, rate, amount, duration and the
 * requests' method, path and body). Headers are left out, so a rotated token keeps the baseline.
 */
export function loadConfigHash(load: LoadConfig): string {
  const requests = (load.requests ?? []).map((r) => ({ name: r.name, method: r.method, path: r.path, body: r.body ?? null }));
  // The open model's schedule makes a different load: its keys join the hash only when set, so closed-model hashes stay as they were.
  const open = load['arrival-rate'] || load.stages ? { open: [load['arrival-rate'] ?? null, load.stages ?? null, load['max-in-flight'] ?? null] } : {};
  const canonical = JSON.stringify({ connections: load.connections, rate: load.rate ?? null, amount: load.amount ?? null, duration: load.duration, requests, ...open });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Which entries a run may be compared with: the same load config and, unless a gate compares a preview, the same origin. */
export interface BaselineKey {
  readonly configHash: string;
  readonly origin?: string;
}

/** The entries recorded with the same key: the history of this very measurement. */
export function comparable(entries: readonly BaselineEntry[], key: BaselineKey | undefined): BaselineEntry[] {
  if (!key) return [...entries];
  return entries.filter((e) => e.configHash === key.configHash && (key.origin === undefined || e.origin === key.origin));
}

/** The median of the last `k` comparable runs that passed; undefined when there are none. */
export function baselineOf(entries: readonly BaselineEntry[], k: number, key?: BaselineKey): Baseline | undefined {
  const runs = comparable(entries, key).filter((e) => e.passed).slice(-k);
  if (runs.length === 0) return undefined;
  const p95s = runs.map((r) => r.p95);
  return {
    runs,
    p95: median(p95s),
    p95Mad: runs.length > 1 ? medianAbsoluteDeviation(p95s) : 0,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errorRate: median(runs.map((r) => r.errorRate)),
    rps: median(runs.map((r) => r.rps)),
  };
}

export interface RegressionRule {
  /** Percent over the baseline, e.g. 25. */
  readonly thresholdPct: number;
  /** Absolute floor in milliseconds, e.g. 20. */
  readonly floorMs: number;
}

export interface RegressionVerdict {
  readonly regressed: boolean;
  readonly baselineP95: number;
  /** The allowed excess: max(threshold × baseline, 3 × MAD). */
  readonly bandMs: number;
  readonly deltaMs: number;
  readonly deltaPct: number;
}

/**
 * A regression needs both: p95 above the baseline by more than max(threshold, 3 × MAD), so runner
 * noise does not alarm; and by more than the absolute floor, so a 2 ms → 3 ms change does not either.
 */
export function judgeRegression(p95: number, b: Baseline, rule: RegressionRule): RegressionVerdict {
  const bandMs = Math.max((rule.thresholdPct / 100) * b.p95, 3 * b.p95Mad);
  const deltaMs = p95 - b.p95;
  return {
    regressed: deltaMs > bandMs && deltaMs > rule.floorMs,
    baselineP95: b.p95,
    bandMs,
    deltaMs,
    deltaPct: b.p95 > 0 ? (deltaMs / b.p95) * 100 : 0,
  };
}
