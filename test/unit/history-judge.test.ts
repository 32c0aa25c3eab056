import { describe, expect, it } from 'vitest';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import type { ProbeResult } from '../../src/checks/health/types.js';
import { cadenceOf, judgeGap } from '../../src/history/judge/gaps.js';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import type { SeverityOverrides } from '../../src/core/severity.js';

const MIN = 60_000;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** Records at these minutes after T0, 15-minute cron, each up unless listed in `down`. */
const recs = (minutes: number[], opts: { down?: number[]; failing?: Record<number, string[]>; i?: number } = {}): RunRecord[] =>
  minutes.map((m) => ({
    schema: RUN_SCHEMA, t: iso(T0 + m * MIN), sch: iso(T0 + Math.floor(m / 15) * 15 * MIN), i: opts.i ?? 15 * MIN,
    p: { api: opts.down?.includes(m) ? [0, 5, 'status'] : [1, 5] },
    ...(opts.failing?.[m] ? { f: opts.failing[m] } : {}),
  }));
const every15 = (from: number, to: number) => Array.from({ length: Math.floor((to - from) / 15) + 1 }, (_, k) => from + k * 15);

describe('schedule gaps', () => {
  const SUBJECT = 'history:schedule-gap';
  it.each([
    ['no earlier run', [], 15, undefined, 'unknown'],
    ['on time (15 min)', every15(0, 60), 75, 15 * MIN, 'on-time'],
    ['late but within 3× (40 min)', every15(0, 60), 100, 15 * MIN, 'on-time'],
    ['a 2-hour gap, the first in a day: a note', every15(0, 600), 720, 15 * MIN, 'gap/note'],
    ['a 2-hour gap after another in the 24 h before: a finding', [...every15(0, 300), ...every15(420, 600)], 720, 15 * MIN, 'gap/raised'],
    ['no cron: judged against the observed median (15 min)', every15(0, 600), 720, undefined, 'gap/note'],
  ])('%s', (_, minutes, nowMin, expectedMs, kind) => {
    const g = judgeGap({ records: recs(minutes), now: T0 + nowMin * MIN, ...(expectedMs ? { expectedMs } : {}), subject: SUBJECT }, cadenceOf(recs(minutes), T0 + nowMin * MIN));
    expect(g.kind === 'gap' ? `gap/${g.raised ? 'raised' : 'note'}` : g.kind).toBe(kind);
  });

  it('once per day: a repeated gap is not raised again when a run of the last 24 h already failed it', () => {
    const minutes = [...every15(0, 300), ...every15(420, 600), 720, 735];
    const records = recs(minutes, { failing: { 720: [SUBJECT] } });
    const later = [...minutes, 870]; // and another gap right after
    const g = judgeGap({ records: recs(later, { failing: { 720: [SUBJECT] } }), now: T0 + 1000 * MIN, expectedMs: 15 * MIN, subject: SUBJECT }, undefined);
    expect(g).toMatchObject({ kind: 'gap', repeated: true, raised: false });
    expect(records).toHaveLength(minutes.length);
  });

  it('the observed cadence: median and p95 of the intervals, and GitHub\'s delay after the tick', () => {
    const minutes = [0, 17, 30, 47, 60, 77, 90, 107, 120, 137, 150, 167, 180, 197, 210, 227, 240, 257, 270, 287];
    const c = cadenceOf(recs(minutes), T0 + 300 * MIN, T0 + 300 * MIN)!;
    expect(c.runs).toBe(21);
    expect([c.medianMs / MIN, c.p95Ms / MIN]).toEqual([15, 17]);
    // Delays 0 and 2 minutes (after the quarter-hour tick), and 0 for this run.
    expect(c.delayMedianMs! / MIN).toBe(0);
  });
});

function envOf(raw: unknown): EnvironmentConfig {
  return configSchema.parse({ environments: { production: raw } }).environments.production!;
}
const probe = (up: boolean): ProbeResult => ({ name: 'api', method: 'GET', url: 'http://127.0.0.1:1/health', attempts: 1, latencyMs: 5, assertions: [], ...(up ? { status: 200 } : { status: 503, failure: { class: 'status', message: 'HTTP 503' } }) });

describe('the run history\'s findings flow through evaluate into findings, rows and observed', () => {
  const config = envOf({ health: [{ name: 'api' }], slo: { availability: '99.9%', window: '30d', probes: { api: { availability: '99%' } } } });
  const judge = (records: RunRecord[], nowMin: number, up: boolean, severity: SeverityOverrides = {}) =>
    evaluate({ health: [probe(up)] }, { environment: 'production', config, severity, history: { records, now: T0 + nowMin * MIN, schedule: { cron: '*/15 * * * *', scheduledAt: T0 + nowMin * MIN, intervalMs: 15 * MIN } } });

  it('down for the last two runs and now: fast burn (SEV2) for the environment and the probe, budgets observed', () => {
    const minutes = every15(0, 24 * 60);
    const e = judge(recs(minutes, { down: minutes.slice(-2) }), 24 * 60 + 15, false);
    expect(e.findings.map((f) => [f.fingerprint, f.rule, f.severity])).toEqual([
      ['production:health:api', 'health-failed', 'sev1'],
      ['production:history:slo-fast-burn', 'slo-fast-burn', 'sev2'],
      ['production:history:slo-api-fast-burn', 'slo-fast-burn', 'sev2'],
    ]);
    expect(e.observed).toEqual(expect.arrayContaining(['production:history:schedule-gap', 'production:history:slo-budget', 'production:history:slo-fast-burn', 'production:history:slo-api-budget']));
    // The slow rule is overtaken by the fast one: not judged this run.
    expect(e.observed).not.toContain('production:history:slo-slow-burn');
    expect(e.rows.filter((r) => r.check === 'history').map((r) => r.subject)).toEqual([
      'cadence', 'slo: availability', 'slo: error budget', 'slo: burn rate', 'slo: daily availability',
      'slo-api: availability', 'slo-api: error budget', 'slo-api: burn rate', 'slo-api: daily availability',
    ]);
    expect(e.facts?.history?.slo?.availabilityPct).toBeCloseTo((100 * 95) / 97, 6);
  });

  it('the budget exhausted is SEV2; a rule switched off under severity: gives no finding', () => {
    const minutes = every15(0, 24 * 60);
    // 150 min down 22 h ago: far over the 43.2 min of 99.9 % over 30 d, within the 432 min of the probe's 99 %.
    // No burn alert: the last 6 h, which confirm the 3-day rule, are clean.
    const down = minutes.slice(10, 20);
    const e = judge(recs(minutes, { down }), 24 * 60 + 15, true);
    expect(e.findings.map((f) => [f.fingerprint, f.severity])).toEqual([['production:history:slo-budget', 'sev2']]);
    expect(e.findings[0]!.detail).toContain('the error budget has -247.2 % left: 2 h 30 min of 43 min 12 s spent');
    expect(judge(recs(minutes, { down }), 24 * 60 + 15, true, { 'slo-budget-exhausted': 'off' }).findings).toEqual([]);
  });

  it('a repeated schedule gap is a SEV4 finding, with GitHub\'s reasons in its detail', () => {
    const e = judge(recs([...every15(0, 300), ...every15(420, 600)]), 720, true);
    const gap = e.findings.find((f) => f.rule === 'schedule-gap')!;
    expect([gap.fingerprint, gap.severity]).toEqual(['production:history:schedule-gap', 'sev4']);
    expect(gap.detail).toContain('no run for 2 h 0 min');
    expect(gap.detail).toContain('60 days');
  });

  it('no history in the context: the history judges nothing', () => {
    expect(evaluate({ health: [probe(true)] }, { environment: 'production', config, severity: {} }).rows.filter((r) => r.check === 'history')).toEqual([]);
  });
});
