import { DAY } from '../config/fields.js';
import type { RunOptions } from '../options.js';
import type { RunPlan } from '../run-plan.js';
import type { ScheduleInfo } from './cron.js';
import type { RunRecord } from './record.js';
import type { RecordsRead, RunStore } from './store.js';

/** How the run was started, as the runner tells it: the event's name and, for a schedule, its cron. */
export interface RunStart {
  readonly event?: string;
  readonly cron?: string;
}

/** What the judgements of history read: the earlier records, this run's start and its schedule. */
export interface HistoryInput {
  /** Earlier runs' records, oldest first (never this run's). */
  readonly records: readonly RunRecord[];
  /** This run's start (ms). */
  readonly now: number;
  readonly schedule?: ScheduleInfo;
}

export interface HistoryReading {
  readonly store?: RunStore;
  readonly input?: HistoryInput;
  readonly schedule?: ScheduleInfo;
  readonly notes: readonly string[];
}

/** Records read before a run: the SLO window, a spike's baseline, and at least a week for the cadence. */
export function readSpanMs(plan: RunPlan): number {
  const slo = plan.environmentConfig.slo;
  const spikes = (plan.environmentConfig.metrics?.thresholds ?? []).map((t) => t.spike?.baseline ?? 0);
  const windows = [7 * DAY, slo?.window ?? 0, ...Object.values(slo?.probes ?? {}).map((p) => p.window ?? 0), ...spikes];
  return Math.max(...windows);
}

/**
 * The run history this run is judged with (monitor runs only, not a shard's), read before the
 * checks' evaluation. A store that cannot be read is a note: the run is judged without history.
 */
export async function readRunHistory(plan: RunPlan, opts: RunOptions, now: number, start: RunStart, openStore?: (plan: RunPlan) => Promise<RunStore | undefined>): Promise<HistoryReading> {
  const schedule = start.cron ? (await import('./cron.js')).scheduleOf(start.cron, now) : undefined;
  const withSchedule = schedule ? { schedule } : {};
  if (!plan.environmentConfig.history.record || opts.mode !== 'monitor' || opts.shardSpec || !openStore) return { notes: [], ...withSchedule };
  const notes: string[] = [];
  let store: RunStore | undefined;
  try {
    store = await openStore(plan);
    if (!store) return { notes, ...withSchedule };
    const read = await store.read(plan.environment, now - readSpanMs(plan), now);
    const skipped = skippedNote(read, store.where);
    if (skipped) notes.push(skipped);
    // Only earlier runs: a record at or after this start (a clock skew, a rerun) is not history.
    const records = read.records.filter((r) => Date.parse(r.t) < now && Date.parse(r.t) >= now - readSpanMs(plan));
    return { store, input: { records, now, ...withSchedule }, notes, ...withSchedule };
  } catch (err) {
    notes.push(`history: not read (${(err as Error).message}); judged without the run history`);
    return { ...(store ? { store } : {}), notes, ...withSchedule };
  }
}

/** The lines named in a note; the count says how many more. */
const NAMED_LINES = 5;

/** The note for lines that could not be read: how many, which (file and line) and what to do. Pure. */
export function skippedNote(read: Pick<RecordsRead, 'skipped' | 'bad' | 'unknownSchemas'>, where: string): string | undefined {
  if (!read.skipped) return undefined;
  const named = read.bad.slice(0, NAMED_LINES).map((b) => `${b.file} line ${b.line}`).join(', ');
  const more = read.bad.length > NAMED_LINES ? ` and ${read.bad.length - NAMED_LINES} more` : '';
  const newer = read.unknownSchemas.length ? `; written by a newer launchguard: ${read.unknownSchemas.slice(0, 3).map((v) => v.slice(0, 40)).join(', ')}` : '';
  return `history: ${read.skipped} unreadable record${read.skipped === 1 ? '' : 's'} skipped in ${where} (${named}${more})${newer}; judged with the other records`;
}
