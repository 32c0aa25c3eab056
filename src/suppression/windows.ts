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

/** A stretch of maintenance time, [from, to) in ms. */
export interface MaintenanceSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * The maintenance time of `environment` within [from, to): every occurrence of its windows that
 * overlaps the span, clipped to it, overlaps merged, oldest first. A weekly window is tried on each
 * local day from its duration (plus a DST day) before `from` to the day after `to`: bounded by the
 * span's length in days (the history read is at most 90 days).
 */
export function maintenanceSpans(config: MaintenanceConfig, environment: string, from: number, to: number): MaintenanceSpan[] {
  const found: MaintenanceSpan[] = [];
  const add = (start: number, durationMs: number) => {
    const a = Math.max(start, from);
    const b = Math.min(start + durationMs, to);
    if (a < b) found.push({ from: a, to: b });
  };
  if (to <= from) return [];
  for (const w of config.maintenance ?? []) {
    if (w.environments && !w.environments.includes(environment)) continue;
    if (w.kind === 'once') {
      add(w.startMs, w.durationMs);
      continue;
    }
    const first = wallTime(from - w.durationMs - DAY, w.timezone);
    const last = wallTime(to + DAY, w.timezone);
    const lastDay = Date.UTC(last.year, last.month - 1, last.day);
    for (let day = Date.UTC(first.year, first.month - 1, first.day); day <= lastDay; day += DAY) {
      const date = new Date(day);
      if (!w.every.includes(WEEKDAYS[date.getUTCDay()] as Weekday)) continue;
      add(zonedInstant(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), w.hour, w.minute, w.timezone), w.durationMs);
    }
  }
  found.sort((a, b) => a.from - b.from);
  const merged: MaintenanceSpan[] = [];
  for (const s of found) {
    const prev = merged.at(-1);
    if (prev && s.from <= prev.to) merged[merged.length - 1] = { from: prev.from, to: Math.max(prev.to, s.to) };
    else merged.push(s);
  }
  return merged;
}
