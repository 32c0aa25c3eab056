import { describe, expect, it } from 'vitest';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import type { IncidentInput } from '../../src/page/model.js';
import { buildReview, reviewIncidents, reviewWeek } from '../../src/review/model.js';
import { renderReview, reviewTitle } from '../../src/review/render.js';
import { parseOptions, reportMode } from '../../src/options.js';

const H = 3_600_000;
const D = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();

describe('reviewWeek: the last complete ISO week (UTC)', () => {
  it.each([
    { now: '2026-11-30T08:00:00Z', label: '2026-W48', from: '2026-11-23T00:00:00.000Z' }, // a Monday morning
    { now: '2026-11-30T00:00:00Z', label: '2026-W48', from: '2026-11-23T00:00:00.000Z' }, // Monday 00:00: that week just ended
    { now: '2026-11-29T23:59:59Z', label: '2026-W47', from: '2026-11-16T00:00:00.000Z' }, // Sunday: the week before
    { now: '2027-01-04T09:00:00Z', label: '2026-W53', from: '2026-12-28T00:00:00.000Z' }, // 2026 has 53 ISO weeks
    { now: '2026-01-05T09:00:00Z', label: '2026-W01', from: '2025-12-29T00:00:00.000Z' }, // W01 starts in December
  ])('$now → $label', ({ now, label, from }) => {
    const w = reviewWeek(Date.parse(now));
    expect([w.label, iso(w.from), w.to - w.from]).toEqual([label, from, 7 * D]);
  });
});

describe('review incidents: opened or closed in the week, time to resolve against the SEV targets', () => {
  const week = reviewWeek(Date.parse('2026-11-30T08:00:00Z'));
  const inc = (severity: IncidentInput['severity'], opened: number, closed?: number): IncidentInput => ({ environment: 'prod', title: severity, severity, url: 'https://github.com/o/r/issues/1', openedAt: iso(opened), ...(closed !== undefined ? { closedAt: iso(closed) } : {}) });
  it.each([
    { name: 'SEV1 resolved in 50 min: met', i: inc('sev1', week.from + H, week.from + H + 50 * 60_000), want: { openedInWeek: true, closedInWeek: true, resolveMs: 50 * 60_000, targetMs: H, withinTarget: true } },
    { name: 'SEV2 resolved in 5 h: missed', i: inc('sev2', week.from + H, week.from + 6 * H), want: { openedInWeek: true, closedInWeek: true, resolveMs: 5 * H, targetMs: 4 * H, withinTarget: false } },
    { name: 'SEV3 opened before the week, closed in it', i: inc('sev3', week.from - 2 * H, week.from + 2 * H), want: { openedInWeek: false, closedInWeek: true, resolveMs: 4 * H, targetMs: D, withinTarget: true } },
    { name: 'SEV4: no target', i: inc('sev4', week.from + H, week.from + H + 3 * D), want: { openedInWeek: true, closedInWeek: true, resolveMs: 3 * D } },
    { name: 'still open', i: inc('sev2', week.from + H), want: { openedInWeek: true, closedInWeek: false, targetMs: 4 * H } },
  ])('$name', ({ i, want }) => {
    const [r] = reviewIncidents([i], 'prod', week);
    expect({ openedInWeek: r!.openedInWeek, closedInWeek: r!.closedInWeek, resolveMs: r!.resolveMs, targetMs: r!.targetMs, withinTarget: r!.withinTarget }).toEqual({ resolveMs: undefined, targetMs: undefined, withinTarget: undefined, ...want });
  });
  it('leaves out other environments and incidents neither opened nor closed in the week', () => {
    expect(reviewIncidents([{ ...inc('sev1', week.from + H), environment: 'staging' }, inc('sev1', week.from - 3 * D, week.from - 2 * D), inc('sev1', week.to + H)], 'prod', week)).toEqual([]);
  });
});

describe('buildReview', () => {
  const NOW = Date.parse('2026-11-30T08:00:00Z');
  const week = reviewWeek(NOW);
  const run = (t: number, o: Partial<RunRecord> = {}): RunRecord => ({ schema: RUN_SCHEMA, t: iso(t), i: H, ...o });
  /** Hourly over the two weeks; `fails(t)` lists the failing fingerprints of the run at t. */
  const history = (fails: (t: number) => string[], extra: (t: number) => Partial<RunRecord> = () => ({})) => {
    const out: RunRecord[] = [];
    for (let t = week.from - 7 * D; t < week.to; t += H) {
      const f = fails(t);
      out.push(run(t, { p: { a: f.includes('health:a') ? [0, 5, 'status'] : [1, 5] }, ...(f.length ? { f } : {}), ...extra(t) }));
    }
    return out;
  };
  it('ranks the top 3 problems by time failing, a fourth left out', () => {
    const hours: Record<string, number> = { 'health:a': 5, 'metrics:cpu': 9, 'audits:tls': 2, 'load:get': 1 };
    const records = history((t) => Object.entries(hours).filter(([, n]) => t >= week.from && t < week.from + n * H).map(([f]) => f));
    const e = buildReview([{ name: 'prod', records }], [], NOW).environments[0]!;
    expect(e.topProblems).toEqual([
      { subject: 'metrics:cpu', failingMs: 9 * H },
      { subject: 'health:a', failingMs: 5 * H },
      { subject: 'audits:tls', failingMs: 2 * H },
    ]);
    expect(e.availabilityPct).toBeCloseTo((100 * (168 - 5)) / 168, 10);
    expect(e.previousAvailabilityPct).toBe(100);
  });
  it('load and metrics: weekly min/median/max; p50/p95 against the week before; a missing day is uncovered', () => {
    const records = history(() => [], (t) => ({ l: { p95: t >= week.from ? 200 : 100, er: t >= week.from && t < week.from + 2 * H ? 0.5 : 0, rps: 10, n: 100 }, m: { 'payment-success-rate': t >= week.from + 3 * D ? 90 : 99 } })).filter((r) => !(Date.parse(r.t) >= week.from + 6 * D));
    const e = buildReview([{ name: 'prod', records }], [], NOW).environments[0]!;
    expect(e.load).toEqual({ p95: { p50: 200, p95: 200, previousP50: 100, previousP95: 100 }, errorRate: { min: 0, median: 0, max: 0.5, n: 144 } });
    expect(e.metrics).toEqual([{ name: 'payment-success-rate', min: 90, median: 94.5, max: 99, n: 144 }]);
    // The last run (23:00 of day 5) stands for twice its interval, to 01:00 of day 6: 145 h observed of 168.
    expect(e.coverage.observedPct).toBeCloseTo((100 * 145) / 168, 10);
    expect(e.daily.map((d) => d.availabilityPct)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    expect(e.unobservedMs).toBe(23 * H);
  });
  it('charts: a day without runs is left out, never drawn as 0 % up or 0 ms', () => {
    // Installed on Thursday: Monday to Wednesday have no run.
    const records = history(() => []).filter((r) => Date.parse(r.t) >= week.from + 3 * D);
    const text = renderReview(buildReview([{ name: 'prod', records }], [], NOW));
    expect(text).toContain('  x-axis ["11-26", "11-27", "11-28", "11-29"]\n  y-axis "%" 99 --> 100\n  bar [100, 100, 100, 100]');
    expect(text).toContain('  x-axis ["11-26", "11-27", "11-28", "11-29"]\n  y-axis "ms"\n  line [5, 5, 5, 5]');
  });
  it('renders the title and escapes names in Markdown', () => {
    const r = buildReview([{ name: 'prod', records: history((t) => (t === week.from ? ['health:*a*<b>'] : [])) }], [], NOW);
    expect(reviewTitle(r)).toBe('launchguard weekly review 2026-W48');
    const text = renderReview(r);
    expect(text).toContain('1. health:\\*a\\*&lt;b&gt;: 1 h 0 min');
    expect(text).not.toContain('<b>');
  });
});

describe('report modes are dispatched before the checks', () => {
  it.each([
    ['page', 'page'],
    [' Review ', 'review'],
    ['monitor', undefined],
    ['', undefined],
  ] as const)('mode %j → %s', (mode, want) => {
    expect(reportMode((n) => (n === 'mode' ? mode : ''))).toBe(want);
  });
  it('parseOptions refuses a report mode (the action must have dispatched it)', () => {
    expect(() => parseOptions((n) => (n === 'mode' ? 'review' : ''), '/tmp/r.json')).toThrow('input mode: review runs no check');
    expect(() => parseOptions((n) => (n === 'mode' ? 'watch' : ''), '/tmp/r.json')).toThrow('input mode: expected one of monitor, gate, merge, page, review, found "watch"');
  });
});

describe('review Markdown: secrets are redacted before escaping', () => {
  it('a secret with Markdown-special characters in an incident title does not reach the Markdown', async () => {
    const { Redactor } = await import('../../src/report/redact.js');
    const { reviewMarkdown } = await import('../../src/review/render.js');
    const secret = 'sk_live_4f#x@y';
    const redactor = new Redactor();
    redactor.add(secret);
    const now = Date.parse('2026-11-30T07:00:00Z');
    const incident: IncidentInput = { environment: 'production', title: `login leaks ${secret}`, severity: 'sev2', url: 'https://github.com/acme/api/issues/1', openedAt: '2026-11-25T10:00:00Z' };
    const text = reviewMarkdown(buildReview([{ name: 'production', records: [] }], [incident], now), redactor);
    expect(text).toContain('login leaks \\*\\*\\*');
    expect(text).not.toContain('sk\\_live');
  });
});
