import { describe, expect, it } from 'vitest';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { baselineOf } from '../../src/baseline/stats.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { observes } from '../../src/incidents/observed.js';
import type { CheckResults } from '../../src/checks/results.js';
import type { EndpointReading } from '../../src/checks/metrics/types.js';
import type { ProbeResult } from '../../src/checks/health/types.js';
import type { LoadRequestResult } from '../../src/checks/load/types.js';

// Issue 10, section 3: evaluate says which subjects it looked at, passing or failing. A subject
// whose rule did not run this time is no evidence that its incident recovered.
const BASE = 'http://127.0.0.1:8000';
const environmentConfig: EnvironmentConfig = configSchema.parse({
  environments: {
    production: {
      health: [{ name: 'api', path: '/health' }],
      metrics: { system: { disk: { field: 'disk' } }, alerts: {} },
      load: { requests: [{ name: 'plans', path: '/plans' }] },
      indexes: { database: 'app', collections: { users: [{ key: { email: 1 }, unique: true }] } },
    },
  },
}).environments.production!;

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({ name: 'api', method: 'GET', url: `${BASE}/health`, attempts: 1, status: 200, latencyMs: 5, assertions: [], ...over });
const reading = (source: EndpointReading['source'], json: unknown, over: Partial<EndpointReading> = {}): EndpointReading => ({ source, url: `${BASE}/m/${source}`, attempts: 1, latencyMs: 1, status: 200, json, ...over });
const down = { status: 503, failure: { class: 'status' as const, message: 'HTTP 503' } };
const req = (p95: number): LoadRequestResult => ({
  name: 'plans', method: 'GET', url: `${BASE}/plans`, connections: 1, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 1000, requests: 100, responses: 100,
  non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 100 }, errorRate: 0, requestsPerSecond: 100,
  latencyMs: { count: 100, min: 1, mean: p95 / 2, p50: p95 / 2, p90: p95, p95, p99: p95, max: p95 }, histogram: 'x',
});
const load = (p95: number) => ({ connections: 1, durationMs: 1000, warmupMs: 0, requests: [req(p95)], overall: { ...req(p95), name: 'all' } });
const baseline = baselineOf([{ at: '2026-11-27T00:00:00Z', passed: true, p50: 10, p90: 20, p95: 20, p99: 20, max: 20, errorRate: 0, rps: 100, requests: 100 }], 10);
const fp = (s: string) => `production:${s}`;

const cases: [string, CheckResults, boolean, string[], string[]][] = [
  ['checks: health: the metrics subjects are not observed', { health: [probe()] }, false, ['health:api'], ['metrics:disk', 'metrics:system-endpoint', 'metrics:alert-x']],
  ['a merge run: only load is observed', { load: load(30) }, false, ['load:plans:p95', 'load:plans:p50', 'load:plans:error-rate', 'load:plans:unreachable'], ['health:api', 'metrics:disk']],
  ['MongoDB unreachable: the connection is observed, the collections are not',
    { indexes: { database: 'app', host: 'db:27017', connected: false, error: { kind: 'connect', message: 'timeout' }, collections: [], queries: [], notes: [] } }, false,
    ['indexes:connection'], ['indexes:users']],
  ['MongoDB reachable: each collection is observed',
    { indexes: { database: 'app', host: 'db:27017', connected: true, collections: [{ name: 'users', exists: true, indexes: [{ v: 2, key: { _id: 1 }, name: '_id_' }, { v: 2, key: { email: 1 }, name: 'email_1', unique: true }] }], queries: [], notes: [] } }, false,
    ['indexes:connection', 'indexes:users'], []],
  ['a health outage hides the metrics of its origin: not observed',
    { health: [probe(down)], metrics: [reading('system', undefined, { failure: { class: 'status', message: 'HTTP 503' }, status: 503 }), reading('alerts', undefined, { failure: { class: 'status', message: 'HTTP 503' }, status: 503 })] }, false,
    ['health:api'], ['metrics:disk', 'metrics:system-endpoint', 'metrics:alerts', 'metrics:alert-x']],
  ['metrics read: the thresholds, the endpoints and every alert (a family) are observed',
    { health: [probe()], metrics: [reading('system', { disk: 40 }), reading('alerts', { alerts: [] })] }, false,
    ['metrics:disk', 'metrics:system-endpoint', 'metrics:alerts-endpoint', 'metrics:alerts', 'metrics:alert-payments'], []],
  ['a metric whose value is null (no data yet) is not observed', { metrics: [reading('system', { disk: null })] }, false, ['metrics:system-endpoint'], ['metrics:disk']],
  ['a budget breach skips the regression rule: not observed', { load: load(5000) }, true, ['load:plans:p95'], ['load:p95-regression']],
  ['within budget with a baseline: the regression rule is observed', { load: load(21) }, true, ['load:p95-regression'], []],
  ['no baseline: the regression rule is not observed', { load: load(21) }, false, [], ['load:p95-regression']],
];

describe('evaluate: the subjects it observed', () => {
  it.each(cases)('%s', (_name, results, withBaseline, yes, no) => {
    const e = evaluate(results, { environment: 'production', config: environmentConfig, severity: {}, ...(withBaseline && baseline ? { baseline } : {}) });
    for (const s of yes) expect(observes(e.observed, fp(s)), s).toBe(true);
    for (const s of no) expect(observes(e.observed, fp(s)), s).toBe(false);
    // Every finding's subject is observed.
    for (const f of e.findings) expect(observes(e.observed, f.fingerprint), f.fingerprint).toBe(true);
  });
});
