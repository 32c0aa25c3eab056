import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import { judgeSlo } from '../../src/history/judge/slo.js';
import { pointsOf } from '../../src/history/judge/timeline.js';
import { buildPageModel, incidentModels, type IncidentInput } from '../../src/page/model.js';
import { dayLevel, formatPct, renderPageHtml } from '../../src/page/html.js';
import { Redactor } from '../../src/report/redact.js';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { incidentsFromIssues } from '../../src/page/incidents.js';
import { FIXTURE_NOW, FIXTURE_PROBES, fixtureDay, ninetyDayHistory } from '../helpers/history-fixture.js';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse('2026-11-29T12:00:00Z');
const TODAY = Date.parse('2026-11-29T00:00:00Z');
const run = (at: number, p: RunRecord['p'], i = H): RunRecord => ({ schema: RUN_SCHEMA, t: new Date(at).toISOString(), i, ...(p ? { p } : {}) });

describe('page model: daily buckets from the run history timeline', () => {
  const cases: { name: string; records: RunRecord[]; probe: string; day: string; want: { upMs: number; downMs: number; unobservedMs: number; availabilityPct?: number; p95Ms?: number } }[] = [
    { name: 'no run: the whole day unobserved', records: [], probe: 'a', day: '2026-11-28', want: { upMs: 0, downMs: 0, unobservedMs: D } },
    {
      name: 'hourly runs, one down: 23 h up, 1 h down',
      records: Array.from({ length: 24 }, (_, k) => run(TODAY - D + k * H, { a: k === 5 ? [0, 50, 'status'] : [1, 10 * (k + 1)] })).concat(run(TODAY, { a: [1, 10] })),
      probe: 'a',
      day: '2026-11-28',
      want: { upMs: 23 * H, downMs: H, unobservedMs: 0, availabilityPct: (100 * 23) / 24, p95Ms: quantileSorted([10, 20, 30, 40, 50, 50, ...Array.from({ length: 18 }, (_, k) => 70 + 10 * k)], 0.95) },
    },
    {
      name: 'a run stands for at most twice its interval: the rest is unobserved, never up',
      records: [run(TODAY - D, { a: [1, 5] }), run(TODAY - D + 10 * H, { a: [1, 5] })],
      probe: 'a',
      day: '2026-11-28',
      want: { upMs: 4 * H, downMs: 0, unobservedMs: 20 * H, availabilityPct: 100, p95Ms: 5 },
    },
    {
      name: 'a run that did not probe the subject leaves its interval unobserved',
      records: [run(TODAY - D, { b: [1, 5] }), run(TODAY - D + H, { a: [0, 9, 'timeout'] }), run(TODAY - D + 2 * H, { a: [1, 9] }), run(TODAY, { a: [1, 9] })],
      probe: 'a',
      day: '2026-11-28',
      want: { upMs: 2 * H, downMs: H, unobservedMs: 21 * H, availabilityPct: (100 * 2) / 3, p95Ms: 9 },
    },
  ];
  it.each(cases)('$name', ({ records, probe, day, want }) => {
    const m = buildPageModel([{ name: 'prod', records }], [], NOW);
    const subject = m.environments[0]!.probes.find((p) => p.probe === probe);
    const bucket = (subject ?? m.environments[0]!.overall).days.find((d) => d.day === day)!;
    expect(bucket.upMs).toBe(want.upMs);
    expect(bucket.downMs).toBe(want.downMs);
    expect(bucket.unobservedMs).toBe(want.unobservedMs);
    expect(bucket.availabilityPct).toBe(want.availabilityPct);
    if (subject) expect(bucket.p95Ms).toBe(want.p95Ms);
  });

  it('has 90 days ending today, the last one cut at now', () => {
    const m = buildPageModel([{ name: 'prod', records: [] }], [], NOW);
    const days = m.environments[0]!.overall.days;
    expect(days).toHaveLength(90);
    expect(days.at(-1)).toMatchObject({ day: '2026-11-29', unobservedMs: 12 * H });
    expect(days[0]!.day).toBe('2026-09-01');
    expect(m.environments[0]!.overall).toMatchObject({ state: 'unknown', windows: { '24h': undefined, '90d': undefined } });
  });

  it('the current state is the last run that probed the subject; the environment is up only when every probe is', () => {
    const m = buildPageModel([{ name: 'prod', records: [run(NOW - 2 * H, { a: [1, 1], b: [1, 1] }), run(NOW - H, { a: [1, 1], b: [0, 1, 'refused'] }), run(NOW, { a: [1, 1] })] }], [], NOW);
    const env = m.environments[0]!;
    expect(env.probes.map((p) => [p.probe, p.state, p.lastRunAt])).toEqual([
      ['a', 'up', new Date(NOW).toISOString()],
      ['b', 'down', new Date(NOW - H).toISOString()],
    ]);
    expect(env.overall.state).toBe('up');
    expect(env.overall.windows['24h']).toBe(50);
  });

  it('the SLO figures are judgeSlo\'s over the same records, so the page and the SLO findings agree', () => {
    const records = ninetyDayHistory();
    const m = buildPageModel([{ name: 'prod', records, slo: { availability: 99.9, window: 30 * D, probes: { search: { availability: 99 } } } }], [], FIXTURE_NOW);
    const env = m.environments[0]!;
    const want = judgeSlo(pointsOf(records, { kind: 'probe', probe: 'search' }), FIXTURE_NOW, { targetPct: 99, windowMs: 30 * D }, 30 * 60_000);
    expect(env.probes.find((p) => p.probe === 'search')!.slo).toMatchObject({ targetPct: 99, availabilityPct: want.availabilityPct, budgetRemainingPct: want.budgetRemainingPct });
    expect(env.overall.slo).toMatchObject({ targetPct: 99.9, windowMs: 30 * D });
    expect(env.probes.find((p) => p.probe === 'login')!.slo).toBeUndefined();
  });

  it('the 90-day fixture: the known bad, poor and unobserved days', () => {
    const env = buildPageModel([{ name: 'prod', records: ninetyDayHistory() }], [], FIXTURE_NOW).environments[0]!;
    expect(env.probes.map((p) => p.probe)).toEqual([...FIXTURE_PROBES].sort());
    const level = (probe: string | undefined, i: number) => dayLevel((probe ? env.probes.find((p) => p.probe === probe)! : env.overall).days.find((d) => d.day === fixtureDay(i))!);
    expect([level('search', 10), level('search', 11), level('login', 40), level('docs', 20), level('docs', 21), level('docs', 22), level(undefined, 10), level(undefined, 40)]).toEqual(['bad', 'good', 'poor', 'good', 'none', 'good', 'bad', 'poor']);
    // Day 20: only the half hour day 19's last run stands for (twice its interval) was observed.
    expect(env.probes[0]!.days.find((d) => d.day === fixtureDay(20))).toMatchObject({ upMs: 30 * 60_000, unobservedMs: 23.5 * H });
  });
});

describe('page model: incidents', () => {
  const inc = (title: string, openedAt: number, closedAt?: number, environment = 'prod'): IncidentInput => ({ environment, title, severity: 'sev2', url: 'https://github.com/o/r/issues/1', openedAt: new Date(openedAt).toISOString(), ...(closedAt !== undefined ? { closedAt: new Date(closedAt).toISOString() } : {}) });
  it('keeps the open ones and those closed in the last 90 days, open first then newest, with their duration', () => {
    const list = incidentModels([inc('old', NOW - 100 * D, NOW - 95 * D), inc('closed', NOW - 3 * D, NOW - 3 * D + 2 * H), inc('open', NOW - 5 * H), inc('other env', NOW - H, undefined, 'staging'), inc('newer closed', NOW - D, NOW - D + H)], 'prod', NOW);
    expect(list.map((i) => [i.title, i.open, i.durationMs])).toEqual([
      ['open', true, 5 * H],
      ['newer closed', false, H],
      ['closed', false, 2 * H],
    ]);
  });
});

describe('page HTML', () => {
  it('escapes every name and title, and links only http(s) URLs', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const model = buildPageModel([{ name: 'prod', records: [run(NOW - H, { [hostile]: [1, 5] })] }], [{ environment: 'prod', title: `</td>${hostile}`, severity: 'sev1', url: 'javascript:alert(1)', openedAt: new Date(NOW - H).toISOString() }], NOW);
    const html = renderPageHtml(model, { incidentsKnown: true });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/<script|https?:\/\/(?!github)/);
  });
  it('rounds availability down to two decimals', () => {
    expect([formatPct(99.999), formatPct(100), formatPct(undefined), formatPct(-12.345)]).toEqual(['99.99 %', '100.00 %', '—', '-12.35 %']);
  });
  it('a page of 90 days × 5 probes stays under 300 kB', () => {
    const model = buildPageModel([{ name: 'production', records: ninetyDayHistory() }], [], FIXTURE_NOW);
    const html = renderPageHtml(model, { incidentsKnown: true });
    expect(Buffer.byteLength(new Redactor().text(html))).toBeLessThan(300 * 1024);
  });
});

describe('page incidents from launchguard issues', () => {
  const cfg = incidentsSchema.parse({});
  const base = { labels: [] as string[], createdAt: '2026-11-01T00:00:00Z' };
  it.each([
    { name: 'from the state block: its title, severity and last opening; closed has its close', issue: { ...base, number: 3, state: 'closed' as const, title: '[SEV2] production: x', closedAt: '2026-11-02T00:00:00Z', fingerprint: 'production:health:api', incident: { v: 1 as const, fingerprint: 'production:health:api', severity: 'sev2' as const, title: 'production: health probe api failing', detail: '', firstSeen: '', lastSeen: '', failingRuns: 1, consecutiveFailing: 1, consecutivePassing: 0, openedAt: '2026-10-01T00:00:00Z', lastOpenedAt: '2026-11-01T12:00:00Z' } }, want: [{ environment: 'production', title: 'production: health probe api failing', severity: 'sev2', url: 'https://github.com/o/r/issues/3', openedAt: '2026-11-01T12:00:00Z', closedAt: '2026-11-02T00:00:00Z' }] },
    { name: 'without a state block: the severity label, the issue title and creation; open', issue: { ...base, number: 4, state: 'open' as const, title: 'by hand', labels: ['launchguard', 'sev3'], fingerprint: 'staging:metrics:cpu' }, want: [{ environment: 'staging', title: 'by hand', severity: 'sev3', url: 'https://github.com/o/r/issues/4', openedAt: '2026-11-01T00:00:00Z' }] },
    { name: 'no label: the [SEVn] of the title, which the title loses', issue: { ...base, number: 5, state: 'open' as const, title: '[SEV1] production: down', fingerprint: 'production:x' }, want: [{ environment: 'production', title: 'production: down', severity: 'sev1', url: 'https://github.com/o/r/issues/5', openedAt: '2026-11-01T00:00:00Z' }] },
    { name: 'no environment in the fingerprint: left out', issue: { ...base, number: 6, state: 'open' as const, title: 't', fingerprint: 'nocolon' }, want: [] },
  ])('$name', ({ issue, want }) => {
    expect(incidentsFromIssues([issue], cfg, 'https://github.com/o/r')).toEqual(want);
  });
});

describe('page: secrets are redacted before escaping', () => {
  it('a secret with HTML-special characters in an incident title reaches neither index.html nor status.json', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { generatePage } = await import('../../src/page/generate.js');
    const secret = 'tok&en<9"x>';
    const redactor = new Redactor();
    redactor.add(secret);
    const dir = await mkdtemp(join(tmpdir(), 'lg-page-'));
    const incident: IncidentInput = { environment: 'production', title: `login leaks ${secret}`, severity: 'sev2', url: 'https://github.com/acme/api/issues/1', openedAt: new Date(NOW - H).toISOString() };
    const config = { environments: { production: { history: { record: true } } } } as unknown as Parameters<typeof generatePage>[0]['config'];
    const out = await generatePage({ config, storeOf: () => ({ where: 'memory', read: async () => ({ records: [run(NOW - H, { api: [1, 10] })], skipped: 0 }) }) as never, incidents: [incident], now: NOW, outDir: dir, redactor });
    const html = await readFile(out.html, 'utf8');
    const json = await readFile(out.json, 'utf8');
    expect(html).toContain('login leaks ***');
    expect(html).not.toContain('tok&amp;en');
    expect(json).not.toContain('tok&en');
  });
});
