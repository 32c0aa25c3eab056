import type { MaintenanceWindow, Weekday } from './schema.js';
import { WEEKDAYS } from './schema.js';
import { wallTime, zonedInstant } from './zoned.js';

/**
 * Whether an instant falls inside a maintenance window. Pure: the config, an environment and an
 * instant in, the windows running then out. A weekly window starts at its local wall time on each
 * of its weekdays, as the zone's clocks show it that day (DST included, by Intl), and lasts its
 * duration in elapsed time; so a window that began the day before and runs past midnight is
 * found too.
 */

const DAY = 86_400_000;

export interface ActiveWindow {
  readonly name: string;
  /** This occurrence's first instant and the first instant after it (ISO, UTC). */
  readonly start: string;
  readonly end: string;
  readonly timezone?: string;
}

export interface MaintenanceConfig {
  readonly maintenance?: readonly MaintenanceWindow[];
}

/** The windows of `environment` running at `instant`. */
export function maintenanceAt(config: MaintenanceConfig, environment: string, instant: Date): ActiveWindow[] {
  const t = instant.getTime();
  const out: ActiveWindow[] = [];
  for (const w of config.maintenance ?? []) {
    if (w.environments && !w.environments.includes(environment)) continue;
    const startMs = w.kind === 'once' ? (w.startMs <= t && t < w.startMs + w.durationMs ? w.startMs : undefined) : weeklyStart(w, t);
    if (startMs === undefined) continue;
    out.push({ name: w.name, start: new Date(startMs).toISOString(), end: new Date(startMs + w.durationMs).toISOString(), ...(w.kind === 'weekly' ? { timezone: w.timezone } : {}) });
  }
  return out;
}

/** Whether `environment` is in a maintenance window at `instant` (for the availability history too). */
export function inMaintenance(config: MaintenanceConfig, environment: string, instant: Date): boolean {
  return maintenanceAt(config, environment, instant).length > 0;
}

/**
 * The start of the weekly window's occurrence running at `t`, if one is. Looks back over the local
 * days an occurrence could have started on (its duration in days, plus one for a DST hour), newest
 * first: bounded by the duration, at most nine days.
 */
function weeklyStart(w: Extract<MaintenanceWindow, { kind: 'weekly' }>, t: number): number | undefined {
  const today = wallTime(t, w.timezone);
  const back = Math.ceil(w.durationMs / DAY) + 1;
  for (let k = 0; k <= back; k++) {
    // Calendar arithmetic on the local date alone (Date.UTC normalises day 0 and negative days).
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day - k));
    if (!w.every.includes(WEEKDAYS[date.getUTCDay()] as Weekday)) continue;
    const start = zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), w.hour, w.minute, w.timezone);
    if (start <= t && t < start + w.durationMs) return start;
  }
  return undefined;
}
