import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ProbeResult } from '../../src/checks/health/types.js';
import { judgeSlo } from '../../src/history/judge/slo.js';
import type { RunPoint } from '../../src/history/judge/timeline.js';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import { inMaintenance, maintenanceSpans } from '../../src/suppression/windows.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-01T00:00:00.000Z'); // a Sunday
const at = (m: number) => T0 + m * MIN;
const config = (maintenance: unknown[]) => configSchema.parse({ environments: { production: {}, staging: {} }, maintenance });
const minutes = (spans: { from: number; to: number }[]) => spans.map((s) => [(s.from - T0) / MIN, (s.to - T0) / MIN]);

describe('maintenanceSpans: the maintenance time within a span, from the config', () => {
  it.each([
    ['a one-off window inside the span', [{ name: 'm', start: '2026-11-01T01:00:00Z', duration: '30m' }], 0, 180, [[60, 90]]],
    ['a one-off window clipped to the span', [{ name: 'm', start: '2026-10-31T23:00:00Z', duration: '2h' }], 0, 180, [[0, 60]]],
    ['a one-off window outside the span', [{ name: 'm', start: '2026-11-02T01:00:00Z', duration: '2h' }], 0, 180, []],
    ['another environment\'s window', [{ name: 'm', start: '2026-11-01T01:00:00Z', duration: '30m', environments: ['staging'] }], 0, 180, []],
    ['a weekly window each Sunday 02:00 Berlin (01:00 UTC in November), over two weeks',
      [{ name: 'w', every: ['sunday'], start: '02:00', duration: '1h', timezone: 'Europe/Berlin' }], 0, 14 * 24 * 60, [[60, 120], [7 * 1440 + 60, 7 * 1440 + 120]]],
    ['a weekly window that began the day before (Saturday 23:00 UTC for 3 h)',
      [{ name: 'w', every: ['saturday'], start: '23:00', duration: '3h' }], 0, 600, [[0, 120]]],
    ['overlapping windows merge', [{ name: 'a', start: '2026-11-01T01:00:00Z', duration: '1h' }, { name: 'b', start: '2026-11-01T01:30:00Z', duration: '1h' }], 0, 600, [[60, 150]]],
  ])('%s', (_, windows, fromMin, toMin, expected) => {
    expect(minutes(maintenanceSpans(config(windows), 'production', at(fromMin), at(toMin)))).toEqual(expected);
  });

  it('agrees with inMaintenance minute by minute over the autumn DST weekend in Berlin (a window crossing midnight)', () => {
    const c = config([{ name: 'w', every: ['saturday', 'sunday'], start: '23:30', duration: '3h', timezone: 'Europe/Berlin' }]);
    const from = Date.parse('2026-10-23T12:00:00Z');
    const to = Date.parse('2026-10-27T12:00:00Z');
    const spans = maintenanceSpans(c, 'production', from, to);
    expect(spans.length).toBe(2);
    for (let t = from; t < to; t += MIN) expect(spans.some((s) => s.from <= t && t < s.to), new Date(t).toISOString()).toBe(inMaintenance(c, 'production', new Date(t)));
  });
});

/** Runs every 5 min from T0 to `n` runs; `down` are indexes; the last is "now". */
function runs(n: number, down: number[] = []): RunPoint[] {
  return Array.from({ length: n }, (_, k) => ({ t: at(5 * k), up: !down.includes(k), expectedMs: 5 * MIN }));
}

describe('maintenance time is neither up nor down, nor observed', () => {
  it.each([
    // name, runs, down indexes, maintenance [from, to) minutes, up, down, unobserved, maintenance (minutes)
    ['no window: a down run counts 5 min down', 13, [4], [], 55, 5, 0, 0],
    ['the down run inside a window: not down', 13, [4], [[20, 25]], 55, 0, 0, 5],
    ['a window starting between two runs cuts the down run\'s span where it starts', 13, [4], [[22, 40]], 40, 2, 0, 18],
    ['an up run in a window is not up either', 13, [], [[0, 30]], 30, 0, 0, 30],
    // A result found in a window says nothing of the time after it (a deploy's down run must not
    // spend budget until the next run, which GitHub often starts minutes late).
    ['a down run in a window that ends before the next run: unobserved after the window', 13, [4], [[18, 22]], 53, 0, 3, 4],
    ['an up run in a window that ends before the next run: unobserved after it too', 13, [], [[0, 2]], 55, 0, 3, 2],
  ])('%s', (_, n, down, windows, up, downMin, unobserved, maint) => {
    const points = runs(n, down);
    const now = points.at(-1)!.t;
    const r = judgeSlo(points, now, { targetPct: 99.9, windowMs: DAY }, undefined, windows.map(([a, b]) => ({ from: at(a!), to: at(b!) })));
    expect([r.upMs / MIN, r.downMs / MIN, r.unobservedMs / MIN, r.maintenanceMs / MIN]).toEqual([up, downMin, unobserved, maint]);
  });

  it('a window over an unobserved gap: the gap is maintenance (runs at 0 and 60 min, 5 min cron)', () => {
    const points: RunPoint[] = [{ t: at(0), up: true, expectedMs: 5 * MIN }, { t: at(60), up: true, expectedMs: 5 * MIN }, { t: at(65), up: true, expectedMs: 5 * MIN }];
    const r = judgeSlo(points, at(65), { targetPct: 99.9, windowMs: DAY }, undefined, [{ from: at(30), to: at(50) }]);
    expect([r.upMs / MIN, r.unobservedMs / MIN, r.maintenanceMs / MIN]).toEqual([15, 30, 20]);
  });

  it('failing runs in a window burn no budget and fire no burn rule; the same runs outside one do', () => {
    // 13 runs, the last 4 (and now) down: 15 min down of the last hour.
    const points = runs(13, [9, 10, 11, 12]);
    const now = points.at(-1)!.t;
    const without = judgeSlo(points, now, { targetPct: 99.9, windowMs: DAY }, undefined);
    expect(without.checks.filter((c) => c.fired).map((c) => c.rule)).toContain('slo-fast-burn');
    const within = judgeSlo(points, now, { targetPct: 99.9, windowMs: DAY }, undefined, [{ from: at(45), to: at(61) }]);
    expect(within.checks.filter((c) => c.fired)).toEqual([]);
    expect(within.downMs).toBe(0);
    expect(within.budgetRemainingPct).toBe(100);
    // The short window's runs in maintenance are left out: none probed outside it.
    expect(within.checks.find((c) => c.longMs === HOUR)?.shortBurn).toBeUndefined();
  });

  it('a window over the whole SLO window: nothing observed, no availability, the whole budget, no rule fired (no division by zero)', () => {
    const points = runs(13, [3, 4, 5, 12]);
    const now = points.at(-1)!.t;
    const r = judgeSlo(points, now, { targetPct: 99.9, windowMs: HOUR }, undefined, [{ from: now - 2 * HOUR, to: now + 1 }]);
    expect(r.availabilityPct).toBeUndefined();
    expect([r.upMs, r.downMs, r.unobservedMs, r.maintenanceMs / MIN]).toEqual([0, 0, 0, 60]);
    expect(r.budgetRemainingPct).toBe(100);
    expect(r.checks.filter((c) => c.fired)).toEqual([]);
    expect(r.burns.every((b) => b.burn === undefined || Number.isFinite(b.burn))).toBe(true);
  });

  it('overlapping windows: their union is maintenance, counted once', () => {
    const points = runs(13, [4, 5]);
    const now = points.at(-1)!.t;
    const c = config([{ name: 'a', start: new Date(at(10)).toISOString(), duration: '15m' }, { name: 'b', start: new Date(at(20)).toISOString(), duration: '10m' }]);
    const spans = maintenanceSpans(c, 'production', at(0), now + 1);
    expect(minutes(spans)).toEqual([[10, 30]]);
    const r = judgeSlo(points, now, { targetPct: 99.9, windowMs: DAY }, undefined, spans);
    expect([r.upMs / MIN, r.downMs / MIN, r.maintenanceMs / MIN]).toEqual([40, 0, 20]);
  });
});

const probe = (up: boolean): ProbeResult => ({ name: 'api', method: 'GET', url: 'http://127.0.0.1:1/health', attempts: 1, latencyMs: 5, assertions: [], ...(up ? { status: 200 } : { status: 503, failure: { class: 'status', message: 'HTTP 503' } }) });

describe('the run history judged with the config\'s maintenance windows', () => {
  const full = configSchema.parse({
    environments: { production: { health: [{ name: 'api' }], slo: { availability: '99.9%', window: '30d' } } },
    maintenance: [{ name: 'migration', start: '2026-11-01T23:00:00Z', duration: '2h' }],
  });
  const config = full.environments.production!;
  // 15-minute runs for a day; the last 8 (from 23:00) down, during the migration window.
  const times = Array.from({ length: 97 }, (_, k) => k * 15);
  const records: RunRecord[] = times.map((m) => ({ schema: RUN_SCHEMA, t: new Date(at(m)).toISOString(), i: 15 * MIN, p: { api: m >= 23 * 60 ? [0, 5, 'status'] : [1, 5] } }));
  const judge = (maintenance: boolean) => evaluate({ health: [probe(false)] }, {
    environment: 'production', config, severity: {},
    history: { records, now: at(24 * 60 + 15), schedule: { cron: '*/15 * * * *', scheduledAt: at(24 * 60 + 15), intervalMs: 15 * MIN } },
    ...(maintenance ? { maintenance: full.maintenance! } : {}),
  });

  it('without the window the failures burn the budget fast; with it, no SLO finding and the row says maintenance', () => {
    expect(judge(false).findings.map((f) => f.rule)).toContain('slo-fast-burn');
    const e = judge(true);
    expect(e.findings.filter((f) => f.check === 'history')).toEqual([]);
    expect(e.rows.find((r) => r.subject === 'slo: availability')?.value).toMatch(/1 h 15 min in maintenance \(neither up nor down\)/);
  });
});
