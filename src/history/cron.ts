import { CronExpressionParser } from 'cron-parser';

/** A schedule run's place in its cron: the tick it was scheduled for and the cron's spacing there. */
export interface ScheduleInfo {
  readonly cron: string;
  /** The latest tick at or before the run's start (ms); undefined when the cron does not parse. */
  readonly scheduledAt?: number;
  /** From that tick to the next one (ms): the interval GitHub was asked to keep. */
  readonly intervalMs?: number;
}

/**
 * Reads the workflow's cron (from the schedule event's payload) with cron-parser. GitHub's cron has
 * five fields and runs in UTC. A cron that does not parse gives only itself: gaps are then judged
 * by the observed cadence.
 */
export function scheduleOf(cron: string, startedAtMs: number): ScheduleInfo {
  try {
    // Just after the start, so a run that starts exactly on its tick is scheduled for that tick.
    const expr = CronExpressionParser.parse(cron, { currentDate: new Date(startedAtMs + 1), tz: 'UTC', strict: false });
    const tick = expr.prev().getTime();
    const after = CronExpressionParser.parse(cron, { currentDate: new Date(tick), tz: 'UTC', strict: false }).next().getTime();
    return { cron, scheduledAt: tick, intervalMs: after - tick };
  } catch {
    return { cron };
  }
}
