import { describe, expect, it } from 'vitest';
import { heldFor, ratePerHour } from '../../src/checks/metrics/sustained.js';
import { evaluateMetrics, type MetricsVerdict } from '../../src/checks/metrics/evaluate.js';
import { configSchema } from '../../src/config/schema.js';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import type { EndpointReading } from '../../src/checks/metrics/types.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-01T12:00:00.000Z');
/** Records at these minutes before T0 (oldest first), 5-minute cron, with `cpu` values. */
const recs = (points: [number, number | undefined][], i = 5 * MIN): RunRecord[] =>
  points.map(([minBefore, v]) => ({ schema: RUN_SCHEMA, t: new Date(T0 - minBefore * MIN).toISOString(), i, ...(v !== undefined ? { m: { cpu: v } } : {}) }));
const over80 = (v: number) => v > 80;

describe('for: the condition held on consecutive runs, no unobserved gap', () => {
  it.each([
    ['no history', undefined, { ms: 10 * MIN }, { held: false, why: 'no-history' }],
    ['this run only', recs([[5, 50]]), { ms: 10 * MIN }, { held: false, why: 'short', heldMs: 0 }],
    ['5 of 10 minutes', recs([[10, 50], [5, 90]]), { ms: 10 * MIN }, { held: false, why: 'short', heldMs: 5 * MIN }],
    ['10 of 10 minutes', recs([[15, 50], [10, 85], [5, 90]]), { ms: 10 * MIN }, { held: true, heldMs: 10 * MIN, runs: 3 }],
    ['long enough, but a 20-minute gap (cap 10) in between', recs([[30, 90], [10, 85], [5, 90]]), { ms: 10 * MIN }, { held: true, heldMs: 10 * MIN }],
    ['a gap before it was long enough', recs([[25, 90], [5, 90]]), { ms: 10 * MIN }, { held: false, why: 'gap', heldMs: 5 * MIN }],
    ['an earlier run without the value', recs([[10, undefined], [5, 90]]), { ms: 10 * MIN }, { held: false, why: 'missing' }],
    ['3 runs', recs([[10, 50], [5, 90]]), { runs: 3 }, { held: false, why: 'short', runs: 2 }],
    ['3 runs, held', recs([[10, 81], [5, 90]]), { runs: 3 }, { held: true, runs: 3 }],
    ['1 run is this run', undefined, { runs: 1 }, { held: true, runs: 1 }],
    ['15-minute cadence: two runs cover 10 minutes', recs([[15, 90]], 15 * MIN), { ms: 10 * MIN }, { held: true, heldMs: 15 * MIN, runs: 2 }],
  ])('%s', (_, records, spec, expected) => {
    expect(heldFor(records, 'cpu', over80, T0, spec)).toMatchObject(expected);
  });
});

describe('rate: per-hour', () => {
  const counter = (points: [number, number][]) => points.map(([minBefore, v]) => ({ schema: RUN_SCHEMA, t: new Date(T0 - minBefore * MIN).toISOString(), i: 5 * MIN, m: { ai: v } }) as RunRecord);
  it.each([
    ['no earlier run', [], 100, { known: false, why: 'no-earlier' }],
    ['+1 in 5 minutes: 12 per hour', counter([[5, 100]]), 101, { known: true, perHour: 12, increase: 1, reset: false }],
    ['unchanged', counter([[5, 100]]), 100, { known: true, perHour: 0 }],
    ['a reset (the app restarted): counted from 0', counter([[5, 100]]), 2, { known: true, perHour: 24, increase: 2, reset: true }],
    ['the previous run beyond an unobserved gap', counter([[30, 100]]), 110, { known: false, why: 'gap' }],
  ])('%s', (_, records, value, expected) => {
    expect(ratePerHour(records, 'ai', value, T0)).toMatchObject(expected);
  });
});

describe('for: and rate: in the config', () => {
  const parse = (level: unknown, extra: object = {}) => configSchema.safeParse({ environments: { p: { metrics: { usage: {}, thresholds: [{ name: 'x', source: 'usage', field: 'x', ...extra, levels: [{ severity: 'sev3', above: 1, ...(level as object) }] }] } } } });
  it.each([
    [{ for: '10m' }, { ms: 600_000 }],
    [{ for: '3 runs' }, { runs: 3 }],
    [{ for: '1 run' }, { runs: 1 }],
  ])('%j', (level, spec) => {
    const r = parse(level);
    expect(r.success && r.data.environments.p!.metrics!.thresholds[0]!.levels[0]!.for).toEqual(spec);
  });
  it.each([
    [{ for: 10 }, 'expected a duration such as "10m"'],
    [{ for: '2d' }, 'expected a duration such as "10m" (at most 1d)'],
    [{ for: '0 runs' }, 'expected a whole number of runs from 1 to 1000'],
    [{ for: 'ten minutes' }, 'expected a duration such as "10m"'],
  ])('%j is refused', (level, message) => {
    const r = parse(level);
    expect(r.success ? '' : r.error.issues[0]!.message).toContain(message);
  });
  it('rate with for is accepted ("any threshold may say for:")', () => {
    const r = parse({ for: '10m' }, { rate: 'per-hour' });
    expect(r.success && r.data.environments.p!.metrics!.thresholds[0]!.levels[0]!.for).toEqual({ ms: 600_000 });
  });
});

describe('for: with rate: the rate held over the intervals covering the span', () => {
  const config = (forSpec: string) => configSchema.parse({ environments: { p: { metrics: { usage: { path: '/u' }, thresholds: [{ name: 'ai', source: 'usage', field: 'ai', rate: 'per-hour', levels: [{ severity: 'sev3', above: 10, for: forSpec }] }] } } } }).environments.p!;
  /** Counter values at these minutes before T0 (5-minute cron); `now` is this run's value. */
  const counter = (points: [number, number | undefined][]) => points.map(([minBefore, v]) => ({ schema: RUN_SCHEMA, t: new Date(T0 - minBefore * MIN).toISOString(), i: 5 * MIN, ...(v !== undefined ? { m: { ai: v } } : {}) }) as RunRecord);
  const judge = (forSpec: string, records: RunRecord[], now: number) => {
    const v = evaluateMetrics([{ source: 'usage', url: 'http://x/u', attempts: 1, latencyMs: 1, json: { ai: now } }], [], { environment: 'p', config: config(forSpec), severity: {}, history: { records, now: T0 } }).verdicts[0]!;
    return v.kind === 'level-hit' ? ['hit', v.value, v.heldMs! / MIN] : v.kind === 'level-pending' ? ['pending', v.held.why, v.held.heldMs / MIN] : [v.kind];
  };
  it.each([
    // +2 per 5 min = 24/h (over 10/h); +0 = 0/h.
    ['10m: this run\'s rate covers 5 min, the one before the 5 min before: held', '10m', counter([[10, 0], [5, 2]]), 4, ['hit', 24, 10]],
    ['10m: only this interval over 10/h: waiting', '10m', counter([[10, 2], [5, 2]]), 4, ['pending', 'short', 5]],
    ['10m: no run before the previous one: waiting', '10m', counter([[5, 2]]), 4, ['pending', 'short', 5]],
    ['10m: a gap (25 min) before the previous run: waiting, broken by unobserved time', '10m', counter([[30, 0], [5, 2]]), 4, ['pending', 'gap', 5]],
    ['10m: a run without the counter: waiting', '10m', counter([[10, undefined], [5, 2]]), 4, ['pending', 'missing', 5]],
    ['10m: a reset in between counts from 0', '10m', counter([[10, 50], [5, 2]]), 4, ['hit', 24, 10]],
    ['"3 runs": three rates in a row', '3 runs', counter([[15, 0], [10, 2], [5, 4]]), 6, ['hit', 24, 15]],
    ['"3 runs": two so far', '3 runs', counter([[10, 2], [5, 4]]), 6, ['pending', 'short', 10]],
    ['this run\'s rate under the level: ok', '10m', counter([[10, 0], [5, 2]]), 2, ['level-ok']],
  ] as const)('%s', (_name, forSpec, records, now, expected) => {
    expect(judge(forSpec, [...records], now)).toEqual(expected);
  });
});

describe('evaluateMetrics with the run history', () => {
  const config = configSchema.parse({ environments: { p: { metrics: { system: { path: '/s', cpu: { field: 'cpu' } }, usage: { path: '/u' }, thresholds: [{ name: 'ai-failures', source: 'usage', field: 'ai.failures_total', rate: 'per-hour', levels: [{ severity: 'sev3', above: 10 }] }] } } } }).environments.p!;
  const reading = (source: 'system' | 'usage', json: unknown): EndpointReading => ({ source, url: `http://x/${source}`, attempts: 1, latencyMs: 1, json });
  const judge = (records: RunRecord[], cpu: number, ai: number) =>
    evaluateMetrics([reading('system', { cpu }), reading('usage', { ai: { failures_total: ai } })], [], { environment: 'p', config, severity: {}, history: { records, now: T0 } });
  const brief = (v: MetricsVerdict) => (v.kind === 'level-hit' ? [v.kind, v.threshold.name, v.value, v.heldMs] : v.kind === 'level-pending' ? [v.kind, v.threshold.name, v.held.why] : v.kind === 'rate-unknown' ? [v.kind, v.why] : [v.kind, 'threshold' in v ? v.threshold.name : '']);
  const hist = (cpu: number[], ai: number[]) => cpu.map((c, k) => ({ schema: RUN_SCHEMA, t: new Date(T0 - (cpu.length - k) * 5 * MIN).toISOString(), i: 5 * MIN, m: { cpu: c, 'ai-failures': ai[k]! } }) as RunRecord);

  it('CPU over 80 % for 10 minutes fires with how long it held; for 5 it waits, unobserved', () => {
    const fired = judge(hist([85, 90], [100, 100]), 88, 100);
    expect(fired.verdicts.map(brief)).toEqual([['level-hit', 'cpu', 88, 10 * MIN], ['level-ok', 'ai-failures']]);
    expect(fired.observed).toContain('p:metrics:cpu');
    const waiting = judge(hist([50, 90], [100, 100]), 88, 101);
    expect(waiting.verdicts.map(brief)).toEqual([['level-pending', 'cpu', 'short'], ['level-hit', 'ai-failures', 12, undefined]]);
    expect(waiting.observed).not.toContain('p:metrics:cpu');
  });

  it('a counter with no earlier reading is not judged', () => {
    expect(judge([], 10, 5).verdicts.map(brief)).toEqual([['level-ok', 'cpu'], ['rate-unknown', 'no-earlier']]);
  });
});

describe('ratio: a derived percentage', () => {
  const config = configSchema.parse({ environments: { p: { metrics: { usage: { path: '/u' }, thresholds: [{ name: 'dau', source: 'usage', ratio: { of: 'active_today', to: 'total' }, unit: '%', levels: [{ severity: 'sev3', below: 20 }] }] } } } }).environments.p!;
  const judge = (json: unknown) => evaluateMetrics([{ source: 'usage', url: 'http://x/u', attempts: 1, latencyMs: 1, json }], [], { environment: 'p', config, severity: {} }).verdicts;
  it.each([
    ['DAU 15 % of users: under 20 %', { active_today: 15, total: 100 }, ['level-hit', 15]],
    ['DAU 25 %', { active_today: 25, total: 100 }, ['level-ok', 25]],
    ['no users yet: not a number', { active_today: 0, total: 0 }, ['field-unreadable', 'not-finite']],
    ['a part missing', { active_today: 3 }, ['field-unreadable', 'missing']],
    ['a part null: no data yet', { active_today: null, total: 3 }, ['field-null']],
  ])('%s', (_, json, expected) => {
    const v = judge(json)[0]!;
    expect(v.kind === 'level-hit' || v.kind === 'level-ok' ? [v.kind, v.value] : v.kind === 'field-unreadable' ? [v.kind, v.field.problem] : [v.kind]).toEqual(expected);
  });
  it.each([
    [{ field: 'x', ratio: { of: 'a', to: 'b' } }],
    [{}],
  ])('exactly one of field and ratio: %j is refused', (extra) => {
    const r = configSchema.safeParse({ environments: { p: { metrics: { usage: {}, thresholds: [{ name: 'x', source: 'usage', ...extra, levels: [{ severity: 'sev3', above: 1 }] }] } } } });
    expect(r.success ? '' : r.error.issues[0]!.message).toContain('needs exactly one of field (a value) and ratio');
  });
});

describe('spike: the rate against the same hour of the week', () => {
  // Monday 2026-11-09 14:00 UTC; the baseline: the Mondays before at 14:xx.
  const NOW = Date.parse('2026-11-09T14:30:00.000Z');
  const WEEK = 7 * 24 * 60 * MIN;
  /** A week ago and two weeks ago, 14:00–14:45 every 15 min, the counter +`per15` each run; then the run before now. */
  const history = (per15: number, before: number): RunRecord[] => {
    const out: RunRecord[] = [];
    let c = 0;
    for (const weeksAgo of [2, 1]) {
      for (let q = 0; q < 4; q++) out.push({ schema: RUN_SCHEMA, t: new Date(NOW - weeksAgo * WEEK - 30 * MIN + q * 15 * MIN).toISOString(), i: 15 * MIN, m: { logins: (c += per15) } });
    }
    out.push({ schema: RUN_SCHEMA, t: new Date(NOW - 15 * MIN).toISOString(), i: 15 * MIN, m: { logins: before } });
    return out;
  };
  const config = configSchema.parse({ environments: { p: { metrics: { usage: { path: '/u' }, thresholds: [{ name: 'logins', source: 'usage', field: 'failed_logins', rate: 'per-hour', spike: { factor: 3, baseline: '14d', 'min-count': 5 } }] } } } }).environments.p!;
  const judge = (records: RunRecord[], value: number) =>
    evaluateMetrics([{ source: 'usage', url: 'http://x/u', attempts: 1, latencyMs: 1, json: { failed_logins: value } }], [], { environment: 'p', config, severity: {}, history: { records, now: NOW } });
  it.each([
    // Baseline: +2 per 15 min = 8 per hour (5 samples: the 14-day span starts at 14:30 two weeks ago). Now +10 in 15 min = 40 per hour: 5×, and 10 ≥ 5.
    ['40/h against 8/h: a spike', history(2, 1000), 1010, true, 'sev3'],
    ['20/h against 8/h: under 3×', history(2, 1000), 1005, false, undefined],
    // Baseline 0: any 5 events are a spike; 4 are not (min-count).
    ['4 events against a quiet baseline: under min-count', history(0, 1000), 1004, false, undefined],
    ['6 events against a quiet baseline', history(0, 1000), 1006, true, 'sev3'],
  ])('%s', (_, records, value, fired, severity) => {
    const j = judge(records, value);
    const v = j.verdicts.find((x) => x.kind === 'spike')!;
    expect(v.kind === 'spike' && v.spike.known && [v.spike.fired, v.spike.samples, v.graded?.severity]).toEqual([fired, 5, severity]);
    expect(j.observed).toContain('p:metrics:logins-spike');
  });
  it('no baseline at this hour of the week: not judged', () => {
    const records = history(2, 1000).slice(-1);
    const j = judge(records, 1010);
    expect(j.verdicts.map((v) => (v.kind === 'spike' ? [v.kind, v.spike.known] : [v.kind]))).toEqual([['spike', false]]);
    expect(j.observed).not.toContain('p:metrics:logins-spike');
  });
  it('spike needs rate: per-hour', () => {
    const r = configSchema.safeParse({ environments: { p: { metrics: { usage: {}, thresholds: [{ name: 'x', source: 'usage', field: 'x', spike: { factor: 3 } }] } } } });
    expect(r.success ? '' : r.error.issues[0]!.message).toContain('spike compares rates, so it needs rate: per-hour');
  });
});
