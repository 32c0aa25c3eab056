import { describe, expect, it } from 'vitest';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { matchLevel, DEFAULT_LEVELS } from '../../src/checks/metrics/evaluate.js';
import { meetsThreshold, worstOf, type SeverityOverrides } from '../../src/core/severity.js';
import type { EndpointReading } from '../../src/checks/metrics/types.js';
import type { ProbeResult } from '../../src/checks/health/types.js';
import type { LoadRequestResult, LoadResult } from '../../src/checks/load/types.js';
import { computeVerdict } from '../../src/core/verdict.js';

const URL_BASE = 'http://127.0.0.1:8000';

function envOf(raw: unknown): EnvironmentConfig {
  return configSchema.parse({ environments: { production: raw } }).environments.production!;
}

const metricsEnv = envOf({
  metrics: {
    system: { cpu: { field: 'cpu' }, memory: { field: 'mem' }, disk: { field: 'disk' } },
    usage: { 'payment-success-rate': { field: 'payments.rate' } },
    alerts: {},
  },
});

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  name: 'api',
  method: 'GET',
  url: `${URL_BASE}/health`,
  attempts: 1,
  status: 200,
  latencyMs: 40,
  assertions: [],
  ...over,
});

const reading = (source: EndpointReading['source'], json: unknown, over: Partial<EndpointReading> = {}): EndpointReading => ({
  source,
  url: `${URL_BASE}/api/monitoring/${source}`,
  attempts: 1,
  latencyMs: 5,
  status: 200,
  json,
  ...over,
});

const run = (health: ProbeResult[], metrics: EndpointReading[] = [], severity: SeverityOverrides = {}, env = metricsEnv) =>
  evaluate({ health, metrics }, { environment: 'production', config: env, severity });

describe('health findings', () => {
  it.each([
    ['healthy', probe(), []],
    ['refused', probe({ status: undefined, failure: { class: 'refused', message: 'connection refused' }, attempts: 3 }), [['sev1', 'health-failed', 'refused']]],
    ['5xx', probe({ status: 503, failure: { class: 'status', message: 'HTTP 503, expected 2xx' } }), [['sev1', 'health-failed', 'status']]],
    ['unhealthy body', probe({ failure: { class: 'body', message: 'status: expected = "healthy", found "degraded"' } }), [['sev1', 'health-failed', 'body']]],
    ['slow', probe({ latencyMs: 1500, latencyBudgetMs: 1000 }), [['sev3', 'health-latency', 'latency']]],
    ['exactly on budget', probe({ latencyMs: 1000, latencyBudgetMs: 1000 }), []],
  ] as const)('%s', (_name, p, expected) => {
    const { findings } = run([p]);
    expect(findings.map((f) => [f.severity, f.rule, f.classification])).toEqual(expected);
    for (const f of findings) {
      expect(f.fingerprint).toBe('production:health:api');
      expect(f.title).not.toMatch(/\d{2,}/); // titles carry no figures: they must stay stable run to run
    }
  });

  it('a failure says how many attempts it took', () => {
    const { findings } = run([probe({ failure: { class: 'timeout', message: 'no complete response within 5000 ms' }, attempts: 3 })]);
    expect(findings[0]!.detail).toBe(`GET ${URL_BASE}/health: timeout: no complete response within 5000 ms after 3 attempts`);
  });

  it.each([
    [{ 'health-latency': 'sev2' }, ['sev2']],
    [{ 'health-latency': 'off' }, []],
  ] as const)('severity override %o', (overrides, expected) => {
    const { findings, rows } = run([probe({ latencyMs: 1500, latencyBudgetMs: 1000 })], [], overrides);
    expect(findings.map((f) => f.severity)).toEqual(expected);
    expect(rows[0]!.verdict).toBe('fail');
  });
});

describe('metric thresholds (the guide\'s defaults)', () => {
  it.each([
    ['disk', 94.9, 'sev3'], ['disk', 95, 'sev1'], ['disk', 90, undefined], ['disk', 90.1, 'sev3'],
    ['memory', 85, undefined], ['memory', 85.5, 'sev3'], ['memory', 95, 'sev1'],
    ['cpu', 80, undefined], ['cpu', 80.1, 'sev3'], ['cpu', 100, 'sev3'],
    ['payment-success-rate', 95, undefined], ['payment-success-rate', 94.9, 'sev3'], ['payment-success-rate', 90, 'sev3'],
    ['payment-success-rate', 89.9, 'sev2'], ['payment-success-rate', 50, 'sev2'], ['payment-success-rate', 49.9, 'sev1'],
  ] as const)('%s at %d → %s', (metric, value, expected) => {
    expect(matchLevel(DEFAULT_LEVELS[metric], value)?.severity).toBe(expected);
  });

  it('reads configured fields and reports each breach with its measured value', () => {
    const { findings, rows } = run([probe()], [
      reading('system', { cpu: 12, mem: 96, disk: 91 }),
      reading('usage', { payments: { rate: 42 } }),
    ]);
    expect(findings.map((f) => [f.subject, f.severity, f.measured?.value])).toEqual([
      ['memory', 'sev1', 96],
      ['disk', 'sev3', 91],
      ['payment-success-rate', 'sev1', 42],
    ]);
    expect(findings[0]!.title).toBe('production: memory too high');
    expect(findings[2]!.title).toBe('production: payment-success-rate too low');
    expect(rows.find((r) => r.subject === 'cpu')).toMatchObject({ value: '12 %', verdict: 'pass' });
  });

  it('a missing field is a SEV3 config finding; null is "no data", not a finding', () => {
    const { findings, rows, notes } = run([probe()], [reading('system', { cpu: null, mem: 'high' })]);
    expect(findings.map((f) => [f.subject, f.severity, f.rule])).toEqual([
      ['memory', 'sev3', 'metrics-field-missing'],
      ['disk', 'sev3', 'metrics-field-missing'],
    ]);
    expect(findings[0]!.detail).toMatch(/field "mem" .* is "high", not a number/);
    expect(rows.find((r) => r.subject === 'cpu')?.verdict).toBe('skip');
    expect(notes.join()).toMatch(/cpu has no value yet/);
  });
});

// Issue 19: a 96.5 % disk under another field name passed as a SEV4 "cannot be read".
describe('a configured metric that is missing', () => {
  const api = { cpu_usage: 12, storage: { disk_used_percent: 96.5, free_gb: 3 }, memory: { percent: 40 }, uptime: 9 };
  it.each([
    ['SEV3 by default', {}, 'sev3'],
    ['configurable', { 'metrics-field-missing': 'sev2' }, 'sev2'],
  ] as const)('%s', (_name, severity, expected) => {
    const { findings } = run([probe()], [reading('system', api)], severity);
    expect(findings.map((f) => [f.subject, f.severity])).toEqual([['cpu', expected], ['memory', expected], ['disk', expected]]);
  });
  it('names the fields the endpoint has, top-level and one level down, and the key to fix', () => {
    const { findings } = run([probe()], [reading('system', api)]);
    expect(findings.find((f) => f.subject === 'disk')!.detail).toBe(
      `field "disk" of ${URL_BASE}/api/monitoring/system is missing; the endpoint has the fields cpu_usage, storage (disk_used_percent, free_gb), memory (percent), uptime; check metrics.system.disk.field in the config`,
    );
  });
  it('a hostile endpoint cannot make the message unbounded', () => {
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}${'x'.repeat(100)}`, Object.fromEntries(Array.from({ length: 50 }, (_, j) => [`c${j}`, j]))]));
    const d = run([probe()], [reading('system', wide)]).findings[0]!.detail;
    expect(d.length).toBeLessThan(20_000);
    expect(d).toContain('… 470 more');
  });
});

describe('alerts', () => {
  it.each([
    ['unknown', { type: 'a', level: 'weird', message: 'm' }, '(its level, read from key "level", is "weird", not one of critical, fatal, error, high, emergency, warning, warn, medium, info, notice, low; treated as warning)'],
    ['missing', { type: 'a', severity: 'high', message: 'm' }, '(it has no key "level" for its level (metrics.alerts.level); it has the fields type, severity, message; treated as warning)'],
  ])('a level that is %s says which key was read and what was found', (_name, alert, text) => {
    const { findings } = run([probe()], [reading('alerts', { alerts: [alert] })]);
    expect(findings[0]!.detail).toBe(`the app reports a warning alert: m ${text}`);
  });
  it.each([
    ['critical', 'sev2'], ['warning', 'sev3'], ['info', 'sev4'], ['ERROR', 'sev2'], ['weird', 'sev3'],
  ])('level %s → %s', (level, sev) => {
    const { findings } = run([probe()], [reading('alerts', { alerts: [{ type: 'high_cpu', level, message: 'CPU high' }] })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: sev, fingerprint: 'production:metrics:alert-high-cpu' });
  });
  it('accepts a bare list and gives two alerts of one type distinct fingerprints', () => {
    const { findings } = run([probe()], [reading('alerts', [{ type: 'x', level: 'info', message: 'a' }, { type: 'x', level: 'info', message: 'b' }])]);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2);
  });
});

describe('one outage, one finding', () => {
  it('folds metrics endpoint failures into a note when the health probe of that origin failed', () => {
    const down = { status: 503, failure: { class: 'status' as const, message: 'HTTP 503, expected 2xx' } };
    const { findings, notes, rows } = run([probe(down)], [reading('system', undefined, down), reading('alerts', undefined, down)]);
    expect(findings.map((f) => f.rule)).toEqual(['health-failed']);
    expect(notes).toHaveLength(2);
    // The skipped row says why.
    expect(rows.find((r) => r.subject === 'system endpoint')).toMatchObject({ verdict: 'skip', value: 'not judged: status (HTTP 503, expected 2xx), part of the outage of health probe api' });
  });
  // Issue 19: a 503 outage gave 1 SEV1 (health) + 2 SEV2 (load error rate per request).
  const loadEnv = envOf({ metrics: { system: { disk: { field: 'disk' } } }, load: { requests: [{ name: 'health', path: '/health' }, { name: 'plans', path: '/plans' }] } });
  const load503 = (name: string, url: string): LoadRequestResult => ({
    name, method: 'GET', url, connections: 2, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 1000,
    requests: 100, responses: 100, non2xx: 100, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 503: 100 },
    errorRate: 1, requestsPerSecond: 100, latencyMs: { count: 100, min: 1, mean: 5, p50: 5, p90: 5, p95: 5, p99: 5, max: 5 }, histogram: 'x',
  });
  const loadOf = (...rs: LoadRequestResult[]): LoadResult => ({ connections: 2, durationMs: 1000, warmupMs: 0, requests: rs, overall: { ...rs[0]!, name: 'all' } });
  const down = { status: 503, failure: { class: 'status' as const, message: 'HTTP 503, expected 2xx' } };
  it.each([
    ['same origin: one finding, the others under it', URL_BASE, [['production:health:api', 'sev1', 2]], 'part of the outage of health probe api'],
    ['another origin: findings of their own', 'http://127.0.0.2:9', [['production:health:api', 'sev1', 0], ['production:load:health:error-rate', 'sev2', 0], ['production:load:plans:error-rate', 'sev2', 0]], undefined],
  ] as const)('a failing health probe and load on %s', (_name, loadOrigin, expected, rowNote) => {
    const e = evaluate(
      { health: [probe(down)], load: loadOf(load503('health', `${loadOrigin}/health`), load503('plans', `${loadOrigin}/plans`)) },
      { environment: 'production', config: loadEnv, severity: {} },
    );
    expect(e.findings.map((f) => [f.fingerprint, f.severity, f.related?.length ?? 0])).toEqual(expected);
    const errRows = e.rows.filter((r) => r.subject.endsWith('error rate'));
    expect(errRows.map((r) => r.verdict)).toEqual(['fail', 'fail']);
    if (rowNote) {
      expect(e.findings[0]!.related![0]).toMatch(/^SEV2 load error rate over budget on health: error rate of GET http:\/\/127\.0\.0\.1:8000\/health is 100 %/);
      for (const r of errRows) expect(r).toMatchObject({ value: expect.stringContaining(rowNote) });
      for (const r of errRows) expect(r.severity).toBeUndefined();
      // The outage neither opens nor closes the load incidents: their subjects were not checked.
      expect(e.observed).not.toContain('production:load:health:error-rate');
    } else {
      expect(e.observed).toContain('production:load:health:error-rate');
    }
  });
  it('a metrics threshold on the failing origin joins the outage, and the outage takes the worst severity', () => {
    const e = evaluate(
      { health: [probe(down)], metrics: [reading('system', { disk: 99 })] },
      { environment: 'production', config: loadEnv, severity: { 'health-failed': 'sev2' } },
    );
    expect(e.findings.map((f) => [f.fingerprint, f.severity, f.related])).toEqual([
      ['production:health:api', 'sev1', ['SEV1 disk too high: disk is 99 %, which is ≥ 95 % (field "disk" of http://127.0.0.1:8000/api/monitoring/system)']],
    ]);
  });
  it.each([
    ['answers 404', { status: 404, failure: { class: 'status' as const, message: 'HTTP 404, expected 2xx' } }],
    ['fails a body assertion', { status: 200, failure: { class: 'body' as const, message: 'status: expected = "ok", found "degraded"' } }],
  ])('a probe that %s is not an outage: a full disk on its origin keeps its own finding (review finding)', (_name, failing) => {
    const e = evaluate(
      { health: [probe(failing)], metrics: [reading('system', { disk: 99 })] },
      { environment: 'production', config: loadEnv, severity: {} },
    );
    expect(e.findings.map((f) => [f.fingerprint, f.related?.length ?? 0]).sort()).toEqual([['production:health:api', 0], ['production:metrics:disk', 0]]);
  });
  it('with health-failed switched off, the load findings stand on their own', () => {
    const e = evaluate({ health: [probe(down)], load: loadOf(load503('health', `${URL_BASE}/health`)) }, { environment: 'production', config: loadEnv, severity: { 'health-failed': 'off' } });
    expect(e.findings.map((f) => f.fingerprint)).toEqual(['production:load:health:error-rate']);
  });
  it('reports a failing metrics endpoint when health is fine', () => {
    const { findings } = run([probe()], [reading('usage', undefined, { status: 500, failure: { class: 'status', message: 'HTTP 500' } })]);
    expect(findings.map((f) => [f.rule, f.severity, f.subject])).toEqual([['metrics-unavailable', 'sev3', 'usage-endpoint']]);
  });
});

describe('verdict', () => {
  it.each([
    [[], 'sev2', 'pass', 'none'],
    [['sev3'], 'sev2', 'pass', 'sev3'],
    [['sev3', 'sev2'], 'sev2', 'fail', 'sev2'],
    [['sev1'], 'sev2', 'fail', 'sev1'],
    [['sev4'], 'sev4', 'fail', 'sev4'],
    [['sev1'], 'none', 'pass', 'sev1'],
  ] as const)('%o with fail-on %s → %s', (sevs, failOn, status, worst) => {
    const findings = sevs.map((severity, i) => ({ ...run([probe({ failure: { class: 'status', message: 'x' } })]).findings[0]!, severity, subject: String(i) }));
    const v = computeVerdict(findings, failOn);
    expect(v).toEqual({ status, worstSeverity: worst, failOn, findingsCount: sevs.length });
    expect(worstOf(sevs)).toBe(worst);
    expect(meetsThreshold(worst, failOn)).toBe(status === 'fail');
  });
});
