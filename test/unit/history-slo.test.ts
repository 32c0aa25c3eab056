import { describe, expect, it } from 'vitest';
import { judgeSlo } from '../../src/history/judge/slo.js';
import { spansOf, tally, type RunPoint } from '../../src/history/judge/timeline.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');

/** Runs every `every` minutes from T0: `down` and `unprobed` are indexes; the last point is "now". */
function runs(n: number, every: number, opts: { down?: number[]; unprobed?: number[]; skip?: [number, number]; expected?: boolean } = {}): RunPoint[] {
  const out: RunPoint[] = [];
  for (let k = 0; k < n; k++) {
    if (opts.skip && k >= opts.skip[0] && k < opts.skip[1]) continue;
    out.push({ t: T0 + k * every * MIN, ...(opts.unprobed?.includes(k) ? {} : { up: !opts.down?.includes(k) }), ...(opts.expected === false ? {} : { expectedMs: every * MIN }) });
  }
  return out;
}
const now = (p: RunPoint[]) => p.at(-1)!.t;

describe('availability = up ÷ observed; each run stands until the next, capped at twice its interval', () => {
  it.each([
    // name, points, window, availability (to 0.01 %), up, down, unobserved (minutes)
    ['all up: 12 runs, 5 min apart', runs(13, 5), DAY, '100.00', 60, 0, 0],
    ['one run down of 12', runs(13, 5, { down: [4] }), DAY, '91.66', 55, 5, 0],
    ['this run down counts from the next run on', runs(13, 5, { down: [12] }), DAY, '100.00', 60, 0, 0],
    ['a 50-minute gap: the run before it stands 10 min, 40 min unobserved', runs(14, 5, { skip: [3, 12] }), DAY, '100.00', 25, 0, 40],
    ['an unprobed run is unobserved', runs(13, 5, { unprobed: [2] }), DAY, '100.00', 55, 0, 5],
    ['the window clips older runs', runs(25, 5, { down: [0, 1, 2] }), HOUR, '100.00', 60, 0, 0],
    ['a day of 5-minute runs with 3 down (15 min)', runs(289, 5, { down: [100, 101, 102] }), DAY, '98.95', 1425, 15, 0],
    ['a day with 3 down and a 2-hour gap', runs(289, 5, { down: [100, 101, 102], skip: [200, 224] }), DAY, '98.86', 1310, 15, 115],
  ])('%s', (_, points, windowMs, availability, up, down, unobserved) => {
    const r = judgeSlo(points, now(points), { targetPct: 99.9, windowMs }, undefined);
    expect((Math.floor(r.availabilityPct! * 100) / 100).toFixed(2)).toBe(availability);
    expect([r.upMs / MIN, r.downMs / MIN, r.unobservedMs / MIN]).toEqual([up, down, unobserved]);
  });

  it('without a cron interval the observed cadence caps a run', () => {
    const p = runs(14, 5, { skip: [3, 12], expected: false });
    expect(spansOf(p.slice(0, -1), now(p), 5 * MIN).filter((s) => s.state === 'unobserved').map((s) => [(s.from - T0) / MIN, (s.to - T0) / MIN])).toEqual([[20, 60]]);
    // With no interval known at all, a run stands until the next.
    expect(tally(spansOf(p.slice(0, -1), now(p), undefined), T0, now(p)).unobservedMs).toBe(0);
  });

  it('nothing observed: no availability', () => {
    const p = runs(3, 5, { unprobed: [0, 1, 2] });
    expect(judgeSlo(p, now(p), { targetPct: 99.9, windowMs: DAY }, undefined).availabilityPct).toBeUndefined();
  });
});

describe('error budget: (100 % − objective) of the window', () => {
  it.each([
    ['15 min down of 43.2 min allowed (99.9 % over 30 d)', 99.9, 30 * DAY, [100, 101, 102], '65.27'],
    ['nothing down', 99.9, 30 * DAY, [], '100.00'],
    ['overspent: 15 min down of 4.32 min allowed (99.99 %)', 99.99, 30 * DAY, [100, 101, 102], '-247.23'], // rounded down, as the output is
  ])('%s', (_, target, windowMs, down, left) => {
    const p = runs(289, 5, { down });
    const r = judgeSlo(p, now(p), { targetPct: target, windowMs }, undefined);
    expect((Math.floor(r.budgetRemainingPct * 100) / 100).toFixed(2)).toBe(left);
  });
});

describe('burn-rate rules (the SRE workbook\'s multiwindow scheme, short windows in runs)', () => {
  const fired = (p: RunPoint[], target = 99.9) => judgeSlo(p, now(p), { targetPct: target, windowMs: 30 * DAY }, undefined).checks.filter((c) => c.fired).map((c) => `${c.rule}/${c.longMs / HOUR}h`);
  it.each([
    ['all up', runs(289, 5), []],
    // 2 of the last 12 runs down: 1 h burn 167×; this run down confirms (short burn 1000×).
    ['down in the last hour, still down', runs(289, 5, { down: [277, 278, 288] }), ['slo-fast-burn/1h', 'slo-fast-burn/6h', 'slo-slow-burn/72h']],
    // The same, but this run is up again: the 5-minute confirmation fails; 6 h: the short window (30 min: 6 runs + this one) has 2 down of 7, burn 286× ≥ 6.
    ['down in the last hour, up now', runs(289, 5, { down: [283, 284] }), ['slo-fast-burn/6h', 'slo-slow-burn/72h']],
    // One run down 5 hours ago: 1 h sees nothing; 6 h burn = 5/360/0.001 = 13.9× but the last 30 min are clean;
    // over the day observed (3 d window), 5 min of 1440 is 3.5×, confirmed by the last 6 h: a ticket, not a page.
    ['one failure 5 h ago', runs(289, 5, { down: [228] }), ['slo-slow-burn/72h']],
    ['one failure 7 h ago: the 6 h confirmation is clean', runs(289, 5, { down: [204] }), []],
    // A steady trickle over 3 d: 1 run of 144 down (≈ 0.69 %: burn 6.9× over 3 d); the last 6 h hold a failure too.
    ['a steady trickle, confirmed in the last 6 h', runs(865, 5, { down: Array.from({ length: 6 }, (_, i) => 100 + i * 144) }), ['slo-slow-burn/72h']],
  ])('%s', (_, p, rules) => {
    expect(fired(p)).toEqual(rules);
  });

  it('burn over 1 h, 6 h, 24 h and 3 d', () => {
    const p = runs(289, 5, { down: [277, 278] });
    const r = judgeSlo(p, now(p), { targetPct: 99.9, windowMs: 30 * DAY }, undefined);
    expect(r.burns.map((b) => [b.windowMs / HOUR, Math.round(b.burn! * 10) / 10])).toEqual([[1, 166.7], [6, 27.8], [24, 6.9], [72, 6.9]]);
  });

  it('the daily chart: one value per UTC day, nothing observed before the history starts', () => {
    const p = runs(289, 5, { down: [100, 101, 102] });
    const r = judgeSlo(p, now(p), { targetPct: 99.9, windowMs: 3 * DAY }, undefined);
    expect(r.daily.map((d) => [d.day, d.availabilityPct === undefined ? undefined : Math.floor(d.availabilityPct * 100) / 100])).toEqual([
      ['2026-10-30', undefined], ['2026-10-31', undefined], ['2026-11-01', 98.95], ['2026-11-02', undefined],
    ]);
  });
});
