import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';

/**
 * A run history for page tests: one run every 30 minutes for 90 UTC days up to `now`, five probes,
 * and known trouble, so the expected bars are known without the code under test:
 * - day 10 (from the first): `search` down all day;
 * - days 20 and 21: no run at all (day 19's last run, at 23:30, stands for 1 h: day 20 is observed
 *   for its first half hour only, day 21 not at all);
 * - day 40: `login` down in one run of 48;
 * - latency: 100 + 10 × (run index mod 7) ms, `payments` 3 × that.
 */
export const FIXTURE_NOW = Date.parse('2026-11-29T12:00:00Z');
export const FIXTURE_PROBES = ['api-health', 'login', 'search', 'payments', 'docs'] as const;
const DAY = 86_400_000;
const STEP = 30 * 60_000;
export const FIXTURE_FIRST_DAY = Math.floor(FIXTURE_NOW / DAY) * DAY - 89 * DAY;

export function fixtureDay(index: number): string {
  return new Date(FIXTURE_FIRST_DAY + index * DAY).toISOString().slice(0, 10);
}

export function ninetyDayHistory(now = FIXTURE_NOW, probes: readonly string[] = FIXTURE_PROBES): RunRecord[] {
  const out: RunRecord[] = [];
  const first = Math.floor(now / DAY) * DAY - 89 * DAY;
  // Bounded: 90 days of 48 runs.
  for (let t = first, n = 0; t < now && n < 90 * 48; t += STEP, n++) {
    const day = Math.floor((t - first) / DAY);
    if (day === 20 || day === 21) continue;
    const ms = 100 + 10 * (n % 7);
    const p: NonNullable<RunRecord['p']> = {};
    for (const name of probes) {
      const down = (name === 'search' && day === 10) || (name === 'login' && day === 40 && n % 48 === 10);
      const lat = name === 'payments' ? 3 * ms : ms;
      p[name] = down ? [0, lat, 'status'] : [1, lat];
    }
    out.push({ schema: RUN_SCHEMA, t: new Date(t).toISOString(), ev: 'schedule', c: '*/30 * * * *', i: STEP, p });
  }
  return out;
}
